#include "load/workload_pool.hpp"

#include <utility>

namespace borderline {

namespace {

// Strings this short live inside the std::string object: no buffer to keep.
const std::size_t kInlineCapacity = std::string().capacity();

} // namespace

void WorkloadPool::recycle(std::vector<Workload>& workloads) {
  // Each workload is destroyed right after its buffers are taken, while it is still in the
  // cache: a loop of take() and then clear() read the batch's ~1.7 MB of workloads twice.
  while (!workloads.empty()) {
    take(workloads.back());
    workloads.pop_back();
  }
}

void WorkloadPool::assign(std::string& s, std::string_view text) {
  if (s.capacity() <= kInlineCapacity && text.size() > kInlineCapacity && !strings_.empty()) {
    s = std::move(strings_.back());
    strings_.pop_back();
  }
  s.assign(text);
}

void WorkloadPool::assign(std::optional<std::string>& cell, std::string_view text) {
  if (!cell) cell.emplace(); // empty: inline, no buffer yet
  assign(*cell, text);
}

void WorkloadPool::take(std::string& s) {
  if (s.capacity() > kInlineCapacity) strings_.push_back(std::move(s));
}

void WorkloadPool::take(std::optional<std::string>& cell) {
  if (cell) take(*cell);
}

// The buffers a CSV row fills; the workload is destroyed next, so nothing needs resetting.
void WorkloadPool::take(Workload& w) {
  take(w.name);
  take(w.modelName.value);
  take(w.siteName.value);
  for (Party& p : w.parties) {
    take(p.name.value);
    take(p.parentName.value);
    take(p.designations.values);
  }
  for (ChipUse& c : w.chips) take(c.model);
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
