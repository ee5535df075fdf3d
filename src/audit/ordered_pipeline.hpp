#pragma once
// Parallel processing with output in input order: one thread produces batches, `jobs` threads
// process them, and the calling thread consumes the outputs strictly in the order the batches
// were produced. At most `window` batches are in flight, so memory stays bounded however long
// the input. The first exception from any stage stops every stage and is rethrown.
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <map>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace borderline {

template <class Batch, class Output> class OrderedPipeline {
public:
  // produce(Batch&) -> bool (false at the end), on one thread;
  // process(Batch&, Output&, int worker), on `jobs` threads at once (worker = 0..jobs-1, so each
  // thread can keep its own scratch state);
  // consume(Output&), on the calling thread, in order.
  template <class Produce, class Process, class Consume>
  void run(int jobs, std::size_t window, Produce&& produce, Process&& process, Consume&& consume) {
    std::thread reader([&] { guard([&] { readAll(produce, window); }); });
    std::vector<std::thread> workers;
    for (int i = 0; i < jobs; ++i)
      workers.emplace_back([&, i] { guard([&] { work(process, i); }); });
    guard([&] { writeAll(consume); });
    stopAll();
    reader.join();
    for (auto& w : workers) w.join();
    if (error_) std::rethrow_exception(error_);
  }

private:
  template <class F> void guard(F&& f) {
    try {
      f();
    } catch (...) {
      std::lock_guard lock(mutex_);
      if (!error_) error_ = std::current_exception();
      stop_ = true;
      changed_.notify_all();
    }
  }

  void stopAll() {
    std::lock_guard lock(mutex_);
    stop_ = true;
    changed_.notify_all();
  }

  template <class Produce> void readAll(Produce& produce, std::size_t window) {
    for (std::uint64_t sequence = 0;; ++sequence) {
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return stop_ || sequence < consumed_ + window; });
        if (stop_) return;
      }
      Batch batch;
      const bool more = produce(batch);
      std::lock_guard lock(mutex_);
      if (!more) {
        produced_ = sequence;
        endKnown_ = true;
        changed_.notify_all();
        return;
      }
      queue_.emplace(sequence, std::move(batch));
      changed_.notify_all();
    }
  }

  template <class Process> void work(Process& process, int worker) {
    while (true) {
      std::pair<std::uint64_t, Batch> item;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return stop_ || !queue_.empty() || endKnown_; });
        if (stop_ || queue_.empty()) return;
        item.first = queue_.begin()->first;
        item.second = std::move(queue_.begin()->second);
        queue_.erase(queue_.begin());
      }
      Output output;
      process(item.second, output, worker);
      std::lock_guard lock(mutex_);
      done_.emplace(item.first, std::move(output));
      changed_.notify_all();
    }
  }

  template <class Consume> void writeAll(Consume& consume) {
    while (true) {
      Output output;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] {
          return stop_ || done_.count(consumed_) || (endKnown_ && consumed_ >= produced_);
        });
        if (stop_ || !done_.count(consumed_)) return;
        auto it = done_.find(consumed_);
        output = std::move(it->second);
        done_.erase(it);
      }
      consume(output);
      std::lock_guard lock(mutex_);
      ++consumed_;
      changed_.notify_all();
    }
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<std::uint64_t, Batch> queue_; // produced, waiting for a worker
  std::map<std::uint64_t, Output> done_; // processed, waiting for their turn
  std::uint64_t consumed_ = 0, produced_ = 0;
  bool endKnown_ = false, stop_ = false;
  std::exception_ptr error_;
};

} // namespace borderline
