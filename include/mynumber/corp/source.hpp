// File: corp/source.hpp — where the bytes of an NTA file come from: a file, a std::istream (for
// stdin), memory, or a .zip entry (corp/zip.hpp). A source hands out bytes in chunks, so readers
// built on it use constant memory whatever the file size.
#ifndef MYNUMBER_CORP_SOURCE_HPP
#define MYNUMBER_CORP_SOURCE_HPP

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "../result.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace corp {

// A forward-only stream of bytes with a name for messages.
class byte_source {
 public:
  virtual ~byte_source() = default;
  // Reads up to `size` bytes into `buffer`; 0 means end of input. Errors are errc::io or errc::archive.
  [[nodiscard]] virtual result<std::size_t> read(char* buffer, std::size_t size) = 0;
  // The name used in bad-row reports ("file.csv", "x.zip!x.csv", "<stdin>").
  [[nodiscard]] virtual const std::string& name() const noexcept = 0;
};

namespace detail {
struct file_closer {
  void operator()(std::FILE* f) const noexcept { std::fclose(f); }
};
using unique_file = std::unique_ptr<std::FILE, file_closer>;

// Opens a file for binary reading; errc::io naming the path and the OS reason otherwise.
[[nodiscard]] inline result<unique_file> open_file(const std::string& path) {
  unique_file f(std::fopen(path.c_str(), "rb"));
  if (!f) return error_info{errc::io, no_position, -1, path + ": " + std::strerror(errno)};
  return f;
}
}  // namespace detail

// A file on disk, read with fread.
class file_source final : public byte_source {
 public:
  [[nodiscard]] static result<std::unique_ptr<file_source>> open(const std::string& path) {
    auto f = detail::open_file(path);
    if (!f) return f.error();
    return std::unique_ptr<file_source>(new file_source(path, std::move(*f)));
  }
  [[nodiscard]] result<std::size_t> read(char* buffer, std::size_t size) override {
    const std::size_t got = std::fread(buffer, 1, size, file_.get());
    if (got == 0 && std::ferror(file_.get()) != 0)
      return error_info{errc::io, no_position, -1, name_ + ": read failed"};
    return got;
  }
  [[nodiscard]] const std::string& name() const noexcept override { return name_; }

 private:
  file_source(std::string name, detail::unique_file f) : name_(std::move(name)), file_(std::move(f)) {}
  std::string name_;
  detail::unique_file file_;
};

// A std::istream the caller keeps alive (e.g. std::cin).
class istream_source final : public byte_source {
 public:
  explicit istream_source(std::istream& in, std::string name = "<stdin>") : in_(in), name_(std::move(name)) {}
  [[nodiscard]] result<std::size_t> read(char* buffer, std::size_t size) override {
    if (in_.eof()) return std::size_t{0};
    in_.read(buffer, static_cast<std::streamsize>(size));
    const auto got = static_cast<std::size_t>(in_.gcount());
    if (in_.bad()) return error_info{errc::io, no_position, -1, name_ + ": read failed"};
    return got;
  }
  [[nodiscard]] const std::string& name() const noexcept override { return name_; }

 private:
  std::istream& in_;
  std::string name_;
};

// Bytes in memory (a Web-API response body, a test fixture); the view must outlive the source.
class memory_source final : public byte_source {
 public:
  explicit memory_source(std::string_view bytes, std::string name = "<memory>")
      : bytes_(bytes), name_(std::move(name)) {}
  [[nodiscard]] result<std::size_t> read(char* buffer, std::size_t size) override {
    const std::size_t n = std::min(size, bytes_.size() - at_);
    std::memcpy(buffer, bytes_.data() + at_, n);
    at_ += n;
    return n;
  }
  [[nodiscard]] const std::string& name() const noexcept override { return name_; }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
  std::string name_;
};

}  // namespace corp
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_CORP_SOURCE_HPP
