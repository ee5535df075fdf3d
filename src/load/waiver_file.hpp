#pragma once
// The central waivers file (`--waivers FILE`, kind WaiverList): accepted findings kept in one
// reviewed place instead of in each manifest. Each entry names a rule and the workloads it
// covers (a name or a glob), who approved it, why, the ticket and when it expires.
#include <vector>

#include "load/source.hpp"
#include "model/workload.hpp"

namespace borderline {

// Every waiver of the file. Throws LoadFailure listing every error found. An entry without
// `expires` loads (it waives nothing and is reported, like a manifest waiver without one).
std::vector<Waiver> loadWaiverFile(const SourceText& source);

} // namespace borderline
