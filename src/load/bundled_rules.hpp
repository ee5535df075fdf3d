#pragma once
// The rules/ directory, embedded at build time by cmake/embed_rules.cmake.
#include <span>
#include <string_view>

namespace borderline {

struct BundledFile {
  std::string_view path; // relative to rules/, e.g. "us/ear-advanced-computing.yaml"
  std::string_view content;
};

std::span<const BundledFile> bundledRuleFiles();

} // namespace borderline
