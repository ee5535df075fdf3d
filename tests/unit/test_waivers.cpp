// Waivers (evaluate/waivers.cpp, load/waiver_file.cpp): a manifest's own waivers and those of
// a central waivers file go through the same functions, valid through `expires` inclusive;
// prohibited findings are never waived; waivers that waive nothing are reported.
#include "support.hpp"

#include <fmt/format.h>

#include "evaluate/waivers.hpp"
#include "load/waiver_file.hpp"

using namespace bltest;

namespace {

// Two rules that always fire: a review and a prohibition.
Engine& engine() {
  static Engine e(std::vector<RuleDef>{
      RuleDef{.id = "t.review", .verdict = "review"},
      RuleDef{.id = "t.prohibited", .verdict = "prohibited"},
  });
  return e;
}

// A waivers file with one entry; `fields` are extra YAML lines for the entry.
std::string waiverFile(const std::string& entry) {
  return "apiVersion: borderline/v1\nkind: WaiverList\nwaivers:\n" + indented(entry, 2);
}

struct Loaded {
  SourceSet sources;
  std::vector<Waiver> waivers;
};

std::unique_ptr<Loaded> loadWaivers(const std::string& text) {
  auto loaded = std::make_unique<Loaded>();
  loaded->waivers = loadWaiverFile(checkSource(loaded->sources, "waivers.yaml", text));
  return loaded;
}

std::vector<Diagnostic> waiverErrors(const std::string& text) {
  try {
    loadWaivers(text);
  } catch (const LoadFailure& failure) {
    return failure.errors();
  }
  return {};
}

const char* kFileEntry = R"(- rule: t.review
  workload: w1
  reason: accepted by counsel
  approvedBy: Jane Doe
  ticket: COMP-1
  expires: 2025-06-30
)";

const char* kManifestWaiver = R"(waivers:
  - rule: t.review
    reason: accepted by counsel
    approvedBy: Jane Doe
    expires: 2025-06-30
)";

Result evaluateWith(const Workload& w, std::string_view date,
                    std::span<const Waiver> central = {}) {
  const DateView view(engine().rules(), day(date));
  return evaluateWorkload(w, view, central);
}

} // namespace

TEST_CASE("waivers: valid through expires inclusive, in a manifest and in a waivers file alike",
          "[waivers]") {
  WorkloadDef plain;
  WorkloadDef withOwn;
  withOwn.extra = kManifestWaiver;
  const Workload& bare = engine().loadOne(plain);
  const Workload& own = engine().loadOne(withOwn);
  const auto file = loadWaivers(waiverFile(kFileEntry));

  struct Day {
    const char* date;
    FindingStatus status;
    bool expiredNotice;
  };
  for (const Day d : {Day{"2025-06-29", FindingStatus::Waived, false},
                      Day{"2025-06-30", FindingStatus::Waived, false},
                      Day{"2025-07-01", FindingStatus::Open, true}}) {
    for (const bool central : {false, true}) {
      INFO(d.date << (central ? " waivers file" : " manifest"));
      const Result r =
          central ? evaluateWith(bare, d.date, file->waivers) : evaluateWith(own, d.date);
      INFO(describe(r));
      const Finding* f = findingFor(r, "t.review");
      REQUIRE(f);
      CHECK(f->status == d.status);
      CHECK((f->waiver != nullptr) == (d.status == FindingStatus::Waived));
      // The prohibition stays open and decides the verdict either way.
      CHECK(findingFor(r, "t.prohibited")->status == FindingStatus::Open);
      CHECK(r.verdict == Level::Prohibited);
      REQUIRE(r.notices.size() == (d.expiredNotice ? 1u : 0u));
      if (d.expiredNotice) {
        CHECK(r.notices[0].message ==
              "waiver for 't.review' expired on 2025-06-30; it waives nothing");
        CHECK(r.notices[0].loc.file == (central ? "waivers.yaml" : "manifest.yaml"));
      }
    }
  }
}

TEST_CASE("waivers: a waivers-file waiver says who approved it, the ticket and where it is",
          "[waivers]") {
  const Workload& w = engine().loadOne(WorkloadDef{});
  const auto file = loadWaivers(waiverFile(kFileEntry));
  const Result r = evaluateWith(w, "2025-06-01", file->waivers);
  const Finding* f = findingFor(r, "t.review");
  REQUIRE(f);
  CHECK(
      f->statusReason ==
      "waived until 2025-06-30 by Jane Doe, ticket COMP-1 (waivers.yaml:4:5): accepted by counsel");
  REQUIRE(f->waiver);
  CHECK(*f->waiver->ticket.value == "COMP-1");
}

TEST_CASE("waivers: the workload of a waivers-file entry is a name or a glob", "[waivers]") {
  Waiver v;
  SECTION("exact name") {
    v.workload.value = "train-a";
    CHECK(waiverApplies(v, "train-a"));
    CHECK_FALSE(waiverApplies(v, "train-ab"));
  }
  SECTION("star and question mark") {
    v.workload.value = "train-*";
    CHECK(waiverApplies(v, "train-a"));
    CHECK(waiverApplies(v, "train-"));
    CHECK_FALSE(waiverApplies(v, "pretrain-a"));
    v.workload.value = "w?";
    CHECK(waiverApplies(v, "w1"));
    CHECK_FALSE(waiverApplies(v, "w10"));
  }
  SECTION("bracket classes") {
    v.workload.value = "w[0-4]";
    CHECK(waiverApplies(v, "w3"));
    CHECK_FALSE(waiverApplies(v, "w5"));
  }
  SECTION("a manifest's own waiver has no workload and always applies") {
    CHECK(waiverApplies(v, "anything"));
  }
}

TEST_CASE("waivers: a waivers-file entry for another workload does nothing", "[waivers]") {
  WorkloadDef other;
  other.name = "w2";
  const Workload& w = engine().loadOne(other);
  const auto file = loadWaivers(waiverFile(kFileEntry));
  const Result r = evaluateWith(w, "2025-06-01", file->waivers);
  CHECK(findingFor(r, "t.review")->status == FindingStatus::Open);
  CHECK(r.notices.empty());
}

TEST_CASE("waivers: prohibited findings cannot be waived, whatever the source", "[waivers]") {
  const Workload& w = engine().loadOne(WorkloadDef{});
  const auto file = loadWaivers(waiverFile(R"(- rule: t.prohibited
  workload: "*"
  reason: we accept it
  approvedBy: Jane Doe
  expires: 2030-01-01
)"));
  const Result r = evaluateWith(w, "2025-06-01", file->waivers);
  const Finding* f = findingFor(r, "t.prohibited");
  REQUIRE(f);
  CHECK(f->status == FindingStatus::Open);
  CHECK(f->statusReason == "a waiver names this rule, but a prohibited finding cannot be waived");
  CHECK(r.verdict == Level::Prohibited);
}

TEST_CASE("waivers: undated and unknown-rule waivers waive nothing and are reported", "[waivers]") {
  const Workload& w = engine().loadOne(WorkloadDef{});
  const auto file = loadWaivers(waiverFile(R"(- rule: t.review
  workload: w1
  reason: no date
  approvedBy: Jane Doe
- rule: t.nonexistent
  workload: w*
  reason: typo
  approvedBy: Jane Doe
  expires: 2030-01-01
)"));
  const Result r = evaluateWith(w, "2025-06-01", file->waivers);
  CHECK(findingFor(r, "t.review")->status == FindingStatus::Open);
  REQUIRE(r.notices.size() == 2);
  CHECK(r.notices[0].message == "waiver for 't.review' has no expires date, so it waives nothing");
  CHECK(r.notices[0].loc.str() == "waivers.yaml:4:5");
  CHECK(r.notices[1].message == "waiver names rule 't.nonexistent', which is not in the loaded "
                                "rule packs; it waives nothing");
  CHECK(r.notices[1].loc.str() == "waivers.yaml:8:11");
}

TEST_CASE("waivers file: malformed entries are located errors", "[waivers]") {
  SECTION("unknown key") {
    const auto e = onlyError(waiverErrors(waiverFile(R"(- rule: t.review
  workload: w1
  reason: r
  approvedBy: a
  expire: 2025-01-01
)")));
    CHECK(e.str() == "waivers.yaml:8:5: unknown key 'expire' in waiver; did you mean 'expires'? "
                     "(expected one of: rule, workload, reason, approvedBy, ticket, expires)");
  }
  SECTION("approvedBy is required") {
    const auto e = onlyError(waiverErrors(
        waiverFile("- {rule: t.review, workload: w1, reason: r, expires: 2025-01-01}\n")));
    CHECK(e.str() == "waivers.yaml:4:5: missing required key 'approvedBy' in waiver");
  }
  SECTION("a workload glob with characters no name can have") {
    const auto e = onlyError(waiverErrors(
        waiverFile("- {rule: t.review, workload: 'w 1', reason: r, approvedBy: a}\n")));
    CHECK(e.line == 4);
    CHECK(e.message.starts_with("waiver workload 'w 1' must be a workload name or a glob"));
  }
  SECTION("a glob that fnmatch would read as no glob, or that matches no name") {
    const auto globError = [](std::string_view glob) {
      return onlyError(waiverErrors(waiverFile(
          fmt::format("- {{rule: t.review, workload: '{}', reason: r, approvedBy: a}}\n", glob))));
    };
    const auto e = globError("[");
    CHECK(e.str() == "waivers.yaml:4:32: waiver workload '[' is not a glob that can match a "
                     "workload name: the '[' at character 1 is never closed by ']' (expected a "
                     "name, or a glob of one with * ? [a-z0-9] [!...])");
    CHECK_THAT(globError("w[a-").message,
               Catch::Contains("the '[' at character 2 is never closed"));
    CHECK_THAT(globError("w[]").message, Catch::Contains("the '[' at character 2 holds no"));
    CHECK_THAT(globError("w[!]").message, Catch::Contains("holds no character"));
    CHECK_THAT(globError("w]").message, Catch::Contains("']' at character 2 closes no '['"));
    CHECK_THAT(globError("!w").message, Catch::Contains("'!' at character 1 is outside [...]"));
    CHECK_THAT(globError("w[z-a]").message, Catch::Contains("the range 'z-a' at character 3"));
    CHECK_THAT(globError("w[a*]").message, Catch::Contains("'*' at character 4 inside [...]"));
    for (const char* fine : {"w[0-9]", "w[!a-c]*", "w[-a]", "w[a-]", "*-[ab]?"}) {
      INFO(fine);
      CHECK(waiverErrors(
                waiverFile(fmt::format(
                    "- {{rule: t.review, workload: '{}', reason: r, approvedBy: a}}\n", fine)))
                .empty());
    }
  }
  SECTION("an impossible date") {
    const auto e = onlyError(waiverErrors(waiverFile(
        "- {rule: t.review, workload: w1, reason: r, approvedBy: a, expires: 2025-02-30}\n")));
    CHECK(e.message == "waiver expires '2025-02-30' is not a real calendar date");
  }
  SECTION("the wrong kind") {
    const auto e =
        onlyError(waiverErrors("apiVersion: borderline/v1\nkind: Workload\nwaivers: []\n"));
    CHECK(e.str() ==
          "waivers.yaml:2:7: kind 'Workload' is not a waivers file (expected WaiverList)");
  }
  SECTION("an empty file") {
    const auto e = onlyError(waiverErrors("# nothing\n"));
    CHECK(e.message ==
          "no waivers document found (expected apiVersion: borderline/v1 and kind: WaiverList)");
  }
}
