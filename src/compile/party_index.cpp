#include "compile/party_index.hpp"

#include <fmt/format.h>

#include "load/diagnostics.hpp"

namespace borderline {

namespace {

constexpr std::uint32_t kMagic = 0x31584950; // "PIX1"

class Writer {
public:
  void u8(std::uint8_t v) { out_ += static_cast<char>(v); }
  void u32(std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out_ += static_cast<char>((v >> (8 * i)) & 0xFF);
  }
  void str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    out_ += s;
  }
  void date(const std::optional<Date>& d) {
    u8(d ? 1 : 0);
    if (d) u32(static_cast<std::uint32_t>(d->days()));
  }
  std::string take() { return std::move(out_); }

private:
  std::string out_;
};

class Reader {
public:
  Reader(std::string_view in, std::string_view file) : in_(in), file_(file) {}
  [[noreturn]] void corrupt() const {
    throw LoadFailure({Diagnostic{
        Location{file_, 0, 0},
        fmt::format("corrupt party index (at byte {}): delete it and the YAML pack beside it is "
                    "read instead, or import the list again",
                    pos_)}});
  }
  std::uint8_t u8() {
    if (pos_ >= in_.size()) corrupt();
    return static_cast<std::uint8_t>(in_[pos_++]);
  }
  std::uint32_t u32() {
    if (in_.size() - pos_ < 4) corrupt();
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
      v |= static_cast<std::uint32_t>(static_cast<unsigned char>(in_[pos_ + i])) << (8 * i);
    pos_ += 4;
    return v;
  }
  std::string str() {
    const std::uint32_t n = u32();
    if (in_.size() - pos_ < n) corrupt();
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  std::optional<Date> date() {
    const auto flag = u8();
    if (flag > 1) corrupt();
    if (!flag) return std::nullopt;
    // Only dates the YAML could hold (years 1000-9999): others would not even print.
    static const Date first = *Date::parse("1000-01-01"), last = *Date::parse("9999-12-31");
    const Date d = Date::fromDays(static_cast<std::int32_t>(u32()));
    if (d < first || d > last) corrupt();
    return d;
  }
  // A count of items that each take at least `minBytes`: bounded by what is left, so a
  // corrupt count cannot make us reserve gigabytes.
  std::uint32_t count(std::size_t minBytes) {
    const std::uint32_t n = u32();
    if (n > (in_.size() - pos_) / minBytes) corrupt();
    return n;
  }
  bool atEnd() const { return pos_ == in_.size(); }

private:
  std::string_view in_;
  std::string_view file_;
  std::size_t pos_ = 0;
};

} // namespace

std::string encodePartyIndex(const PackInfo& info, const std::vector<PartyEntry>& entries) {
  Writer w;
  w.u32(kMagic);
  w.str(info.name);
  w.str(info.title);
  w.str(info.jurisdiction);
  w.str(info.version);
  w.date(info.reviewed);
  w.date(info.listDate);
  w.u32(static_cast<std::uint32_t>(entries.size()));
  for (const auto& e : entries) {
    w.str(e.name);
    w.u32(static_cast<std::uint32_t>(e.aliases.size()));
    for (const auto& a : e.aliases) w.str(a);
    w.u8(e.country ? 1 : 0);
    if (e.country) w.u8(*e.country);
    w.date(e.listed);
    w.date(e.removed);
    w.u32(static_cast<std::uint32_t>(e.citations.size()));
    for (const auto& c : e.citations) {
      w.str(c.ref);
      w.str(c.title);
      w.str(c.published);
      w.str(c.url);
      w.str(c.note);
      w.u8(static_cast<std::uint8_t>(c.provenance));
    }
    w.str(e.notes);
    w.str(e.source);
    w.str(e.licenseRequirement);
    w.str(e.licensePolicy);
    w.u32(e.loc.line);
    w.u32(e.loc.column);
  }
  return w.take();
}

IndexedPartyList decodePartyIndex(std::string_view payload, std::string_view indexFile,
                                  std::string_view yamlFile) {
  Reader r(payload, indexFile);
  if (r.u32() != kMagic) r.corrupt();
  IndexedPartyList out;
  out.info.kind = "PartyList";
  out.info.name = r.str();
  out.info.title = r.str();
  out.info.jurisdiction = r.str();
  out.info.version = r.str();
  out.info.reviewed = r.date();
  out.info.listDate = r.date();
  if (out.info.name.empty()) r.corrupt();
  const std::uint32_t n = r.count(40);
  out.entries.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    PartyEntry e;
    e.name = r.str();
    if (e.name.empty()) r.corrupt();
    const std::uint32_t aliases = r.count(4);
    for (std::uint32_t a = 0; a < aliases; ++a) e.aliases.push_back(r.str());
    if (const auto flag = r.u8(); flag == 1) {
      const auto id = r.u8();
      if (countryCode(id).empty()) r.corrupt();
      e.country = id;
    } else if (flag != 0) {
      r.corrupt();
    }
    e.listed = r.date();
    e.removed = r.date();
    if (!e.listed && !out.info.listDate) r.corrupt(); // the YAML loader would reject it too
    const std::uint32_t citations = r.count(21);
    if (citations == 0) r.corrupt();
    for (std::uint32_t c = 0; c < citations; ++c) {
      Citation cite;
      cite.ref = r.str();
      cite.title = r.str();
      cite.published = r.str();
      cite.url = r.str();
      cite.note = r.str();
      const auto provenance = r.u8();
      if (provenance > static_cast<std::uint8_t>(Provenance::Unverified)) r.corrupt();
      cite.provenance = static_cast<Provenance>(provenance);
      e.citations.push_back(std::move(cite));
    }
    e.notes = r.str();
    e.source = r.str();
    e.licenseRequirement = r.str();
    e.licensePolicy = r.str();
    e.loc.file = yamlFile;
    e.loc.line = r.u32();
    e.loc.column = r.u32();
    out.entries.push_back(std::move(e));
  }
  if (!r.atEnd()) r.corrupt();
  return out;
}

} // namespace borderline
