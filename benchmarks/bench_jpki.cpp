// File: benchmarks/bench_jpki.cpp — certificate parse + extract (mynumber::jpki::certificate)
// against a bare OpenSSL d2i_X509 + X509_free on the same DER bytes, in the same run.
//
// Input: the four public J-LIS JPKI root CA certificates in data/jpki/*.pem (converted to DER
// here), or the certificates given with
// --cert FILE (PEM or DER; repeatable), e.g. a generated test signature certificate.
#include <benchmark/benchmark.h>

#include <openssl/pem.h>
#include <openssl/x509.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <mynumber/jpki.hpp>

#include "bench_report.hpp"

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// DER bytes of the first certificate in `bytes` (PEM or DER); empty if none could be read.
std::string to_der(const std::string& bytes) {
  if (bytes.find("-----BEGIN") == std::string::npos) return bytes;
  BIO* bio = BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size()));
  if (bio == nullptr) return {};
  X509* cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  if (cert == nullptr) return {};
  unsigned char* der = nullptr;
  const int len = i2d_X509(cert, &der);
  std::string out;
  if (len > 0) out.assign(reinterpret_cast<const char*>(der), static_cast<std::size_t>(len));
  OPENSSL_free(der);
  X509_free(cert);
  return out;
}

std::vector<std::string> certificates;  // DER

void bare_d2i(benchmark::State& state) {
  for (auto _ : state) {
    for (const std::string& der : certificates) {
      const auto* p = reinterpret_cast<const unsigned char*>(der.data());
      X509* cert = d2i_X509(nullptr, &p, static_cast<long>(der.size()));
      if (cert == nullptr) state.SkipWithError("d2i_X509 failed");
      benchmark::DoNotOptimize(cert);
      X509_free(cert);
    }
  }
}

void parse_and_extract(benchmark::State& state) {
  for (auto _ : state) {
    for (const std::string& der : certificates) {
      auto cert = mynumber::jpki::certificate::try_from_der(der);
      if (!cert) state.SkipWithError("certificate::try_from_der failed");
      else benchmark::DoNotOptimize(cert->info().serial_hex.data());
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> paths;
  std::vector<char*> rest{argv[0]};
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--cert") == 0 && i + 1 < argc) paths.emplace_back(argv[++i]);
    else rest.push_back(argv[i]);
  }
  if (paths.empty()) {
    for (const char* name : {"sign_ca_2015.pem", "sign_ca_2023.pem", "auth_ca_2015.pem", "auth_ca_2023.pem"})
      paths.push_back(std::string(MYNUMBER_DATA_DIR) + "/jpki/" + name);
  }
  for (const std::string& path : paths) {
    std::string der = to_der(read_file(path));
    if (der.empty()) {
      std::fprintf(stderr, "bench_jpki: cannot read a certificate from %s\n", path.c_str());
      return 2;
    }
    certificates.push_back(std::move(der));
  }
  int rest_argc = static_cast<int>(rest.size());
  benchmark::Initialize(&rest_argc, rest.data());
  if (benchmark::ReportUnrecognizedArguments(rest_argc, rest.data())) return 1;

  bench::rigorous(benchmark::RegisterBenchmark("d2i_X509", bare_d2i));
  bench::rigorous(benchmark::RegisterBenchmark("certificate_parse_extract", parse_and_extract));
  const auto n = static_cast<double>(certificates.size());
  const std::vector<bench::row> rows = {
      {"JPKI certificates", "bare d2i_X509 + X509_free", "d2i_X509", "", n, "us/cert", 1000},
      {"JPKI certificates", "certificate::try_from_der (parse + extract)", "certificate_parse_extract", "d2i_X509", n,
       "us/cert", 1000},
  };
  bench::median_reporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  reporter.print_summary("JPKI certificate parsing, " + std::to_string(certificates.size()) + " certificates", rows);
  benchmark::Shutdown();
  return 0;
}
