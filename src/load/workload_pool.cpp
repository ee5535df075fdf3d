#include "load/workload_pool.hpp"

#include <utility>

namespace borderline {

namespace {

// Strings this short live inside the std::string object: no buffer to keep.
const std::size_t kInlineCapacity = std::string().capacity();

} // namespace

void WorkloadPool::recycle(std::vector<Workload>& workloads) {
  for (Workload& w : workloads) take(w);
  workloads.clear();
}

void WorkloadPool::assign(std::optional<std::string>& cell, std::string_view text) {
  if (!cell && text.size() > kInlineCapacity && !strings_.empty()) {
    cell.emplace(std::move(strings_.back()));
    strings_.pop_back();
  }
  if (cell)
    cell->assign(text);
  else
    cell.emplace(text);
}

void WorkloadPool::take(std::optional<std::string>& cell) {
  if (cell && cell->capacity() > kInlineCapacity) strings_.push_back(std::move(*cell));
}

// The buffers a CSV row fills; the workload is destroyed next, so nothing needs resetting.
void WorkloadPool::take(Workload& w) {
  take(w.modelName.value);
  take(w.siteName.value);
  for (Party& p : w.parties) {
    take(p.name.value);
    take(p.parentName.value);
    take(p.designations.values);
  }
  take(w.chips);
  take(w.endUse.values);
  for (DataSource& d : w.data) {
    take(d.categories.values);
    take(d.transfer.values);
  }
  take(w.data);
  for (Authorization& a : w.authorizations) {
    take(a.type.value);
    take(a.reference.value);
  }
  take(w.authorizations);
}

} // namespace borderline
