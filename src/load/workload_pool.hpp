#pragma once
// Buffers reused from batch to batch: a loader that builds ~1,000 workloads per batch would
// otherwise allocate and free about eight strings and lists per workload. When a batch is
// cleared, the pool takes the heap buffers of its workloads (long strings and the capacity of
// lists) before the workloads are destroyed; the next batch's loader fills its new, empty
// workloads' cells and lists in those buffers. Whole workloads are not kept: moving and
// resetting 1.7 KB objects cost more than the allocations they saved.
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "model/workload.hpp"

namespace borderline {

class WorkloadPool {
public:
  // Takes the buffers of `workloads`, then empties it.
  void recycle(std::vector<Workload>& workloads);

  // Sets a string (cell) to `text`, in a spare string's buffer when there is one.
  void assign(std::string& s, std::string_view text);
  void assign(std::optional<std::string>& cell, std::string_view text);
  // Gives an empty list that has no buffer yet a spare one (an empty list all the same).
  template <class T> void reuse(std::vector<T>& list) {
    auto& spares = std::get<std::vector<std::vector<T>>>(lists_);
    if (list.capacity() > 0 || spares.empty()) return;
    list = std::move(spares.back());
    spares.pop_back();
  }

private:
  void take(std::string& s);
  void take(std::optional<std::string>& cell);
  template <class T> void take(std::vector<T>& list) {
    if (list.capacity() == 0) return;
    list.clear();
    std::get<std::vector<std::vector<T>>>(lists_).push_back(std::move(list));
  }
  void take(Workload& w);

  std::vector<std::string> strings_;
  std::tuple<std::vector<std::vector<ChipUse>>, std::vector<std::vector<DataSource>>,
             std::vector<std::vector<DataCategory>>, std::vector<std::vector<EndUse>>,
             std::vector<std::vector<Authorization>>, std::vector<std::vector<std::string>>>
      lists_;
};

} // namespace borderline
