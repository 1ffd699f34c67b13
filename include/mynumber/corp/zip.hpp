// File: corp/zip.hpp — reading the CSV inside an NTA .zip without unpacking it to disk.
// The NTA ships each bulk file as a zip holding the CSV plus an OpenPGP signature `.asc`
// (corporate_data.md §1.2). This reads the central directory, then inflates an entry on the fly
// with zlib (raw deflate, CRC-32 checked at the end), so memory stays constant. Stored (method 0)
// and deflated (method 8) entries are supported; ZIP64 and encrypted entries are reported as
// errc::archive. A zip needs a seekable file: a zip on stdin is refused.
#ifndef MYNUMBER_CORP_ZIP_HPP
#define MYNUMBER_CORP_ZIP_HPP

#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "source.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace corp {

struct zip_entry {
  std::string name;
  std::uint16_t method = 0;  // 0 stored, 8 deflate
  std::uint16_t flags = 0;
  std::uint32_t crc32 = 0;
  std::uint64_t compressed_size = 0;
  std::uint64_t size = 0;
  std::uint64_t local_header_offset = 0;
};

namespace detail {
[[nodiscard]] inline std::uint32_t le16(const unsigned char* p) noexcept {
  return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8;
}
[[nodiscard]] inline std::uint32_t le32(const unsigned char* p) noexcept { return le16(p) | le16(p + 2) << 16; }
[[nodiscard]] inline error_info zip_error(const std::string& path, const std::string& what) {
  return error_info{errc::archive, no_position, -1, path + ": " + what};
}
[[nodiscard]] inline bool seek(std::FILE* f, std::uint64_t offset) noexcept {
  return fseeko(f, static_cast<off_t>(offset), SEEK_SET) == 0;
}

// RAII owner of a zlib inflate stream.
class inflater {
 public:
  inflater() = default;
  inflater(const inflater&) = delete;
  inflater& operator=(const inflater&) = delete;
  ~inflater() {
    if (live_) inflateEnd(&stream_);
  }
  [[nodiscard]] bool init() noexcept {
    stream_ = z_stream{};
    live_ = inflateInit2(&stream_, -MAX_WBITS) == Z_OK;  // raw deflate, as stored in zip entries
    return live_;
  }
  [[nodiscard]] z_stream& stream() noexcept { return stream_; }

 private:
  z_stream stream_{};
  bool live_ = false;
};
}  // namespace detail

// Lists the entries of a zip file (central directory order). errc::io / errc::archive on failure.
[[nodiscard]] inline result<std::vector<zip_entry>> try_list_zip(const std::string& path) {
  auto opened = detail::open_file(path);
  if (!opened) return opened.error();
  std::FILE* f = opened->get();
  if (fseeko(f, 0, SEEK_END) != 0) return detail::zip_error(path, "cannot seek");
  const auto file_size = static_cast<std::uint64_t>(ftello(f));
  const std::uint64_t tail = std::min<std::uint64_t>(file_size, 22 + 65535);
  std::vector<unsigned char> buf(static_cast<std::size_t>(tail));
  if (!detail::seek(f, file_size - tail) || std::fread(buf.data(), 1, buf.size(), f) != buf.size())
    return detail::zip_error(path, "cannot read the end of the file");
  std::size_t eocd = std::string::npos;
  for (std::size_t i = buf.size() >= 22 ? buf.size() - 22 + 1 : 0; i-- > 0;)
    if (detail::le32(&buf[i]) == 0x06054b50u) {
      eocd = i;
      break;
    }
  if (eocd == std::string::npos) return detail::zip_error(path, "no end-of-central-directory record (not a zip?)");
  const unsigned char* e = &buf[eocd];
  const std::uint32_t count = detail::le16(e + 10);
  const std::uint32_t cd_size = detail::le32(e + 12);
  const std::uint32_t cd_offset = detail::le32(e + 16);
  if (count == 0xFFFF || cd_size == 0xFFFFFFFFu || cd_offset == 0xFFFFFFFFu)
    return detail::zip_error(path, "ZIP64 archives are not supported");
  if (static_cast<std::uint64_t>(cd_offset) + cd_size > file_size)
    return detail::zip_error(path, "central directory out of range");
  std::vector<unsigned char> cd(cd_size);
  if (!detail::seek(f, cd_offset) || std::fread(cd.data(), 1, cd.size(), f) != cd.size())
    return detail::zip_error(path, "cannot read the central directory");
  std::vector<zip_entry> entries;
  std::size_t at = 0;
  for (std::uint32_t i = 0; i < count; ++i) {
    if (at + 46 > cd.size() || detail::le32(&cd[at]) != 0x02014b50u)
      return detail::zip_error(path, "corrupt central directory entry " + std::to_string(i));
    const unsigned char* h = &cd[at];
    zip_entry z;
    z.flags = static_cast<std::uint16_t>(detail::le16(h + 8));
    z.method = static_cast<std::uint16_t>(detail::le16(h + 10));
    z.crc32 = detail::le32(h + 16);
    z.compressed_size = detail::le32(h + 20);
    z.size = detail::le32(h + 24);
    const std::size_t name_len = detail::le16(h + 28), extra_len = detail::le16(h + 30),
                      comment_len = detail::le16(h + 32);
    z.local_header_offset = detail::le32(h + 42);
    if (at + 46 + name_len + extra_len + comment_len > cd.size())
      return detail::zip_error(path, "corrupt central directory entry " + std::to_string(i));
    z.name.assign(reinterpret_cast<const char*>(h + 46), name_len);
    entries.push_back(std::move(z));
    at += 46 + name_len + extra_len + comment_len;
  }
  return entries;
}

// Streams the uncompressed bytes of one entry. Opens its own handle on first read.
class zip_entry_source final : public byte_source {
 public:
  zip_entry_source(std::string zip_path, zip_entry entry)
      : zip_path_(std::move(zip_path)), entry_(std::move(entry)), name_(zip_path_ + "!" + entry_.name) {}

  [[nodiscard]] result<std::size_t> read(char* buffer, std::size_t size) override {
    if (done_) return std::size_t{0};
    if (!file_) {
      if (auto started = start(); !started) return started.error();
    }
    std::size_t produced = 0;
    if (entry_.method == 0) {
      const auto want = static_cast<std::size_t>(std::min<std::uint64_t>(size, remaining_in_));
      produced = std::fread(buffer, 1, want, file_.get());
      if (produced != want) return fail("truncated entry data");
      remaining_in_ -= produced;
    } else {
      z_stream& z = inflater_.stream();
      z.next_out = reinterpret_cast<Bytef*>(buffer);
      z.avail_out = static_cast<uInt>(std::min<std::size_t>(size, 1u << 30));
      while (z.avail_out != 0 && !stream_end_) {
        if (z.avail_in == 0 && remaining_in_ != 0) {
          const auto want = static_cast<std::size_t>(std::min<std::uint64_t>(in_.size(), remaining_in_));
          if (std::fread(in_.data(), 1, want, file_.get()) != want) return fail("truncated compressed data");
          remaining_in_ -= want;
          z.next_in = in_.data();
          z.avail_in = static_cast<uInt>(want);
        }
        const int rc = inflate(&z, Z_NO_FLUSH);
        if (rc == Z_STREAM_END) stream_end_ = true;
        else if (rc == Z_BUF_ERROR && z.avail_in == 0 && remaining_in_ == 0) return fail("deflate stream ends early");
        else if (rc != Z_OK && rc != Z_BUF_ERROR)
          return fail(std::string("inflate failed: ") + (z.msg ? z.msg : "corrupt data"));
      }
      produced = static_cast<std::size_t>(reinterpret_cast<char*>(z.next_out) - buffer);
    }
    crc_ = crc32(crc_, reinterpret_cast<const Bytef*>(buffer), static_cast<uInt>(produced));
    total_out_ += produced;
    if (produced == 0) {  // end of the entry: check it against the central directory
      done_ = true;
      if (total_out_ != entry_.size) return fail("uncompressed size does not match the directory");
      if (crc_ != entry_.crc32) return fail("CRC-32 mismatch");
    }
    return produced;
  }
  [[nodiscard]] const std::string& name() const noexcept override { return name_; }

 private:
  [[nodiscard]] result<void> start() {
    if (entry_.flags & 0x1) return fail("encrypted entries are not supported");
    if (entry_.method != 0 && entry_.method != 8)
      return fail("compression method " + std::to_string(entry_.method) + " is not supported");
    auto opened = detail::open_file(zip_path_);
    if (!opened) return opened.error();
    file_ = std::move(*opened);
    unsigned char h[30];
    if (!detail::seek(file_.get(), entry_.local_header_offset) || std::fread(h, 1, 30, file_.get()) != 30 ||
        detail::le32(h) != 0x04034b50u)
      return fail("bad local header");
    const std::uint64_t data = entry_.local_header_offset + 30 + detail::le16(h + 26) + detail::le16(h + 28);
    if (!detail::seek(file_.get(), data)) return fail("cannot seek to the entry data");
    remaining_in_ = entry_.compressed_size;
    if (entry_.method == 8) {
      if (!inflater_.init()) return fail("zlib inflateInit2 failed");
      in_.resize(256 * 1024);
    }
    return {};
  }
  [[nodiscard]] error_info fail(const std::string& what) {
    done_ = true;
    return detail::zip_error(name_, what);
  }

  std::string zip_path_;
  zip_entry entry_;
  std::string name_;
  detail::unique_file file_;
  detail::inflater inflater_;
  std::vector<unsigned char> in_;
  std::uint64_t remaining_in_ = 0;
  std::uint64_t total_out_ = 0;
  uLong crc_ = crc32(0L, Z_NULL, 0);
  bool stream_end_ = false;
  bool done_ = false;
};

// True when `name` is a CSV entry (case-insensitive ".csv"); signatures (.asc) and others are not.
[[nodiscard]] inline bool is_csv_entry(const std::string& name) noexcept {
  if (name.size() < 4) return false;
  std::string ext = name.substr(name.size() - 4);
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return ext == ".csv";
}

}  // namespace corp
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_CORP_ZIP_HPP
