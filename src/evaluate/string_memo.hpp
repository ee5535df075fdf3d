#pragma once
// A memo keyed by short strings (party names, chip names) for EvalCache: open addressing over
// a power-of-two table with a cheap multiplicative hash. A lookup is one hash of a few words and
// usually one slot, where std::unordered_map hashes with std::hash, divides by a prime bucket
// count and follows a node pointer. The table doubles when half full; the owner bounds it
// (clear() starts over).
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace borderline {

template <class V> class StringMemo {
public:
  // The value stored under `key`, or null.
  V* find(std::string_view key) {
    const std::uint64_t h = hash(key);
    for (std::size_t i = h & mask();; i = (i + 1) & mask()) {
      Slot& s = slots_[i];
      if (!s.used) return nullptr;
      if (s.hash == h && s.key == key) return &s.value;
    }
  }
  // Stores `value` under `key`, which find() did not find. Invalidates earlier results.
  V& insert(std::string_view key, V value) {
    if (2 * (size_ + 1) > slots_.size()) grow();
    ++size_;
    return place(hash(key), std::string(key), std::move(value));
  }
  std::size_t size() const { return size_; }
  void clear() {
    slots_.assign(kInitialSlots, Slot{});
    size_ = 0;
  }

private:
  struct Slot {
    bool used = false;
    std::uint64_t hash = 0;
    std::string key;
    V value{};
  };

  static constexpr std::size_t kInitialSlots = 16; // a power of two

  V& place(std::uint64_t h, std::string key, V value) {
    std::size_t i = h & mask();
    while (slots_[i].used) i = (i + 1) & mask();
    Slot& s = slots_[i];
    s.used = true;
    s.hash = h;
    s.key = std::move(key);
    s.value = std::move(value);
    return s.value;
  }
  void grow() {
    std::vector<Slot> old(2 * slots_.size());
    old.swap(slots_);
    for (auto& s : old)
      if (s.used) place(s.hash, std::move(s.key), std::move(s.value));
  }
  std::size_t mask() const { return slots_.size() - 1; }

  // Eight bytes at a time, multiply and fold: names are tens of bytes.
  static std::uint64_t hash(std::string_view s) {
    constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
    std::uint64_t h = s.size() * kMul;
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      std::uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      h = (h ^ word) * kMul;
      h ^= h >> 29;
    }
    std::uint64_t tail = 0;
    if (i < s.size()) std::memcpy(&tail, s.data() + i, s.size() - i);
    h = (h ^ tail) * kMul;
    return h ^ (h >> 32);
  }

  std::vector<Slot> slots_ = std::vector<Slot>(kInitialSlots);
  std::size_t size_ = 0;
};

} // namespace borderline
