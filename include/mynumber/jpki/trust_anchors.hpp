// File: jpki/trust_anchors.hpp — the default trust store: the four J-LIS JPKI root certificates
// (署名用 and 利用者証明用 CAs, generations 1 and 3), embedded as PEM text, and a trust_store type
// the caller may fill with other anchors instead.
// The PEM blocks are the files of data/jpki/ (public certificates published by J-LIS; provenance
// in data/jpki/README.md). Generation 2 (signca02/authca02) has no local
// copy and is therefore not embedded; generation 1 expired on 2025-10-19 14:59:59 UTC.
#ifndef MYNUMBER_JPKI_TRUST_ANCHORS_HPP
#define MYNUMBER_JPKI_TRUST_ANCHORS_HPP

#include <algorithm>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "certificate.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace jpki {

// One embedded root with its file name in data/jpki/ and its SHA-256 fingerprint
// (data/jpki/README.md), which the tests recompute.
struct embedded_root {
  std::string_view file;
  std::string_view sha256_fingerprint;
  std::string_view pem;
};

inline constexpr embedded_root jlis_roots[] = {
    {"sign_ca_2015.pem",
     "19:64:54:05:A1:FE:14:37:74:34:BD:55:95:76:28:AC:40:38:55:7C:54:24:03:A2:24:3F:21:C7:06:FC:93:55",
     R"PEM(-----BEGIN CERTIFICATE-----
MIIFETCCA/mgAwIBAgIBATANBgkqhkiG9w0BAQsFADCBgDELMAkGA1UEBhMCSlAx
DTALBgNVBAoMBEpQS0kxIzAhBgNVBAsMGkpQS0kgZm9yIGRpZ2l0YWwgc2lnbmF0
dXJlMT0wOwYDVQQLDDRKYXBhbiBBZ2VuY3kgZm9yIExvY2FsIEF1dGhvcml0eSBJ
bmZvcm1hdGlvbiBTeXN0ZW1zMB4XDTE1MTAyMDAyNDAyOFoXDTI1MTAxOTE0NTk1
OVowgYAxCzAJBgNVBAYTAkpQMQ0wCwYDVQQKDARKUEtJMSMwIQYDVQQLDBpKUEtJ
IGZvciBkaWdpdGFsIHNpZ25hdHVyZTE9MDsGA1UECww0SmFwYW4gQWdlbmN5IGZv
ciBMb2NhbCBBdXRob3JpdHkgSW5mb3JtYXRpb24gU3lzdGVtczCCASIwDQYJKoZI
hvcNAQEBBQADggEPADCCAQoCggEBANfhWTqnpAtEvBNZGuhoXSo5dzJLLhd+XuwN
Ez9VIZkWQbt3u3YmswI2szvojYQybMsLN+13DR9zCAesuSkBe80fyJUMi6brGoVI
z1Q0HhhMLQj5jSnOvvijo4Zrp89i3jl81l0X3942iTg8LyakAsaAHjyNeXCDB3rz
R8/aqXpqX06tQRqIexYuk3JrWKn6TZ0Cy3UukYZDmypL+QaAYj8gIN5/FVPDrowq
eqdI8hysHzzACZbb47E0EMtJhL/3B9X8gyQ2pehsm5bBBYKS6UDp1MjFmLPpV6W2
i7IUS0X+h38aSPwq7K1FxL7XnTqG/lwDYSMzrXAVYWtqquC6KwECAwEAAaOCAZIw
ggGOMA4GA1UdDwEB/wQEAwIBBjCBrgYDVR0RBIGmMIGjpIGgMIGdMQswCQYDVQQG
EwJKUDEnMCUGA1UECgwe5YWs55qE5YCL5Lq66KqN6Ki844K144O844OT44K5MTAw
LgYDVQQLDCflhaznmoTlgIvkurroqo3oqLzjgrXjg7zjg5PjgrnnvbLlkI3nlKgx
MzAxBgNVBAsMKuWcsOaWueWFrOWFseWbo+S9k+aDheWgseOCt+OCueODhuODoOap
n+anizAPBgNVHRMBAf8EBTADAQH/MIGaBgNVHR8EgZIwgY8wgYyggYmggYakgYMw
gYAxCzAJBgNVBAYTAkpQMQ0wCwYDVQQKDARKUEtJMSMwIQYDVQQLDBpKUEtJIGZv
ciBkaWdpdGFsIHNpZ25hdHVyZTE9MDsGA1UECww0SmFwYW4gQWdlbmN5IGZvciBM
b2NhbCBBdXRob3JpdHkgSW5mb3JtYXRpb24gU3lzdGVtczAdBgNVHQ4EFgQUDQNM
uzTQcU9F5Focr9j9FD+rVKcwDQYJKoZIhvcNAQELBQADggEBAJWYNfX827RsgL0q
6MAFfyMq+bUbi9Kz2FJm73u0/lM2Z03d4ZAam7InzwLIHol/vRA1TNbDcPthU7eM
Bu0PcrGfANWykjhvyu8KorM+Rlpc3XNcyljhR96LcTWUTUdMmqH1ZVQNkDJF+ZAT
pxihwvnvKh700JwmrQZ2YySNw/7wulWqais90LGNHIYxYK1IJ5uv2Q18IPUbuzW+
1fwy6UPdA1OBdbdjX9LFCNK8EBSBs5nuelGnltbKIbtFPqfjWSOLib9o1TpTV1wH
rRK542bWqPBKJGUl8hVuzmkYo8Lr9z6lL35N1zWFiNfIHbKraaqmP5zCoz3RmYYW
p0jCbJ8=
-----END CERTIFICATE-----
)PEM"},
    {"sign_ca_2023.pem",
     "D2:27:F6:CD:E1:1D:35:C5:25:21:78:F1:06:F8:43:D2:46:51:94:49:75:41:3B:53:9F:A2:FB:68:DB:FA:36:5F",
     R"PEM(-----BEGIN CERTIFICATE-----
MIIFFDCCA/ygAwIBAgIEBnxqITANBgkqhkiG9w0BAQsFADCBgDELMAkGA1UEBhMC
SlAxDTALBgNVBAoMBEpQS0kxIzAhBgNVBAsMGkpQS0kgZm9yIGRpZ2l0YWwgc2ln
bmF0dXJlMT0wOwYDVQQLDDRKYXBhbiBBZ2VuY3kgZm9yIExvY2FsIEF1dGhvcml0
eSBJbmZvcm1hdGlvbiBTeXN0ZW1zMB4XDTIzMDcxNjAwNTAyN1oXDTMzMDcxNTE0
NTk1OVowgYAxCzAJBgNVBAYTAkpQMQ0wCwYDVQQKDARKUEtJMSMwIQYDVQQLDBpK
UEtJIGZvciBkaWdpdGFsIHNpZ25hdHVyZTE9MDsGA1UECww0SmFwYW4gQWdlbmN5
IGZvciBMb2NhbCBBdXRob3JpdHkgSW5mb3JtYXRpb24gU3lzdGVtczCCASIwDQYJ
KoZIhvcNAQEBBQADggEPADCCAQoCggEBANi0xL81Wl6UyoSYgP4lRONGzgOoHZLm
hKYn7R78djBrh6ViwZ3UNT2gj1FbApWdPZxyPDG37RXJBzY4qjujYgWG5bDEnkRJ
fMGG+xsuHkQ1zBf2rxSbwmfWjJmD0zriVKUmOJCbzNCZyZt6OreVjQcueeWx5nZY
SzJt8yG6O9GQj+OE0UiN+zweAIfMDnP9kjGIzOG3ZoDnr+3wqv/WPfHkKZKknOl3
oagtasKaHXZmZvmtiEpG1b70P2dlgeywDDpBCyfP+QpR5BrueXnHjvqX7G0uyGiQ
ndL+DAt9cycIQergXIrMdOax2wDP/ZPSe1SR1JIFKPDarfKZZUZ3iUkCAwEAAaOC
AZIwggGOMA4GA1UdDwEB/wQEAwIBBjCBrgYDVR0RBIGmMIGjpIGgMIGdMQswCQYD
VQQGEwJKUDEnMCUGA1UECgwe5YWs55qE5YCL5Lq66KqN6Ki844K144O844OT44K5
MTAwLgYDVQQLDCflhaznmoTlgIvkurroqo3oqLzjgrXjg7zjg5PjgrnnvbLlkI3n
lKgxMzAxBgNVBAsMKuWcsOaWueWFrOWFseWbo+S9k+aDheWgseOCt+OCueODhuOD
oOapn+anizAPBgNVHRMBAf8EBTADAQH/MIGaBgNVHR8EgZIwgY8wgYyggYmggYak
gYMwgYAxCzAJBgNVBAYTAkpQMQ0wCwYDVQQKDARKUEtJMSMwIQYDVQQLDBpKUEtJ
IGZvciBkaWdpdGFsIHNpZ25hdHVyZTE9MDsGA1UECww0SmFwYW4gQWdlbmN5IGZv
ciBMb2NhbCBBdXRob3JpdHkgSW5mb3JtYXRpb24gU3lzdGVtczAdBgNVHQ4EFgQU
0h6lWJVhfpOtv5ZrlBq07fZT8I8wDQYJKoZIhvcNAQELBQADggEBANLq5fwgQlvb
owToAGecatiTa2rSCpRNNibDgNrqgorIvwS1mixEAItJWEpXaWq+3l/mN0cNW9kO
ZsH526Wy9XblvmsQm2CfTB8ltp7kfkiIHIIg3OWnRBbxAd+I6AsvuiE8N3RIZBTK
E5N/08WxlMPd03wkcgiyT6yu/G57tI7oS0e6FDW31BVdS4JyuXWHs78rgrxrGmcT
1L/I6TeG+cQn+MCCMp7TD5GXYtUdrx9Q2mmrSR7wf2ZNHiUtYq9hTkbnF0Mt4BUa
Ew1Bqtch0qlmVQG67YTUerI8rBIsDulJcwzDeVZ5P0UD3TBwLmM9t088Bgrv6is7
dFPT0JEqNwU=
-----END CERTIFICATE-----
)PEM"},
    {"auth_ca_2015.pem",
     "4D:CF:C4:CA:0A:AF:9F:B2:A3:08:1B:3F:0C:99:1C:32:0B:3A:CC:00:86:67:A3:41:EE:AE:C5:AF:1D:58:CA:7D",
     R"PEM(-----BEGIN CERTIFICATE-----
MIIFIDCCBAigAwIBAgIBATANBgkqhkiG9w0BAQsFADCBgjELMAkGA1UEBhMCSlAx
DTALBgNVBAoMBEpQS0kxJTAjBgNVBAsMHEpQS0kgZm9yIHVzZXIgYXV0aGVudGlj
YXRpb24xPTA7BgNVBAsMNEphcGFuIEFnZW5jeSBmb3IgTG9jYWwgQXV0aG9yaXR5
IEluZm9ybWF0aW9uIFN5c3RlbXMwHhcNMTUxMDIwMDMwODEzWhcNMjUxMDE5MTQ1
OTU5WjCBgjELMAkGA1UEBhMCSlAxDTALBgNVBAoMBEpQS0kxJTAjBgNVBAsMHEpQ
S0kgZm9yIHVzZXIgYXV0aGVudGljYXRpb24xPTA7BgNVBAsMNEphcGFuIEFnZW5j
eSBmb3IgTG9jYWwgQXV0aG9yaXR5IEluZm9ybWF0aW9uIFN5c3RlbXMwggEiMA0G
CSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQDErMrTwOIy0V7LHYCBttzaAqhetfoo
Jf8F0YMSGVIBnZDzxKz4toNDWY4mN935Uo9saPTsTtsIRed5azFAekE3VhTKSrfh
A39uGssJBUEifqxay3WY8XiAIPE5jB5B8Gc6Ked9GvmzwA7TVNxg5M9q5I0+gxtJ
2ocqMWOI7A8tfL2UpwOqyVYKRZVXjKIkBPIbYrNLdZrAki3FsCCyl7rR47NOt3sL
ZW1oz2fxJUZubD7oAXzKmZhofU9z3KQG6dgTaNzOpnPKhnxbTwXM68zQW52H8oki
r/6gJ23gAr+fR8Z+IMuKkCj7df+7Lv+ab/3ZIncb01+QL5XEgHs7RLrHAgMBAAGj
ggGdMIIBmTAOBgNVHQ8BAf8EBAMCAQYwgbcGA1UdEQSBrzCBrKSBqTCBpjELMAkG
A1UEBhMCSlAxJzAlBgNVBAoMHuWFrOeahOWAi+S6uuiqjeiovOOCteODvOODk+OC
uTE5MDcGA1UECwww5YWs55qE5YCL5Lq66KqN6Ki844K144O844OT44K55Yip55So
6ICF6Ki85piO55SoMTMwMQYDVQQLDCrlnLDmlrnlhazlhbHlm6PkvZPmg4XloLHj
grfjgrnjg4bjg6DmqZ/mp4swDwYDVR0TAQH/BAUwAwEB/zCBnAYDVR0fBIGUMIGR
MIGOoIGLoIGIpIGFMIGCMQswCQYDVQQGEwJKUDENMAsGA1UECgwESlBLSTElMCMG
A1UECwwcSlBLSSBmb3IgdXNlciBhdXRoZW50aWNhdGlvbjE9MDsGA1UECww0SmFw
YW4gQWdlbmN5IGZvciBMb2NhbCBBdXRob3JpdHkgSW5mb3JtYXRpb24gU3lzdGVt
czAdBgNVHQ4EFgQUlWeVG1ynDYSg//HYWofxqrE0A4UwDQYJKoZIhvcNAQELBQAD
ggEBACJnlGS30OV191IiCvFKB2tGFS1Czn56eV4COTzlNr+Ghona96bCy6bCdQvc
RrbOMFK/S71umIO9ITR/eYUHhyt5aJv8wljNGctDUzvOzFvwkDs2HOLfv8n+/L8I
6rRwIozyY58lUzcIFqe/gx0lLupQ9QsM+X/wiA+6oSyV8/yrM+c7aoGKRSQ/PFFV
1nVTS7G6VYDrKOMKsvrh4b5buK3JPk7hc7AqRMx4lFzyJg+tq6Qy62aL4lCoIqKf
mPfp4+GManEfCsDi1JSYpauPmpFMCLM0B8urUUlfDS5W4rtH23D3wcUh1LVI8kMY
nyc4mpKoe5eoqG8eCWkd0lz1ms4=
-----END CERTIFICATE-----
)PEM"},
    {"auth_ca_2023.pem",
     "64:11:4F:29:62:0C:24:ED:26:31:D4:64:76:A0:40:E7:EE:74:0D:95:60:89:C0:0B:03:6A:6A:81:18:C3:22:B5",
     R"PEM(-----BEGIN CERTIFICATE-----
MIIFIzCCBAugAwIBAgIEBtGABjANBgkqhkiG9w0BAQsFADCBgjELMAkGA1UEBhMC
SlAxDTALBgNVBAoMBEpQS0kxJTAjBgNVBAsMHEpQS0kgZm9yIHVzZXIgYXV0aGVu
dGljYXRpb24xPTA7BgNVBAsMNEphcGFuIEFnZW5jeSBmb3IgTG9jYWwgQXV0aG9y
aXR5IEluZm9ybWF0aW9uIFN5c3RlbXMwHhcNMjMwNzE2MDEwMTA0WhcNMzMwNzE1
MTQ1OTU5WjCBgjELMAkGA1UEBhMCSlAxDTALBgNVBAoMBEpQS0kxJTAjBgNVBAsM
HEpQS0kgZm9yIHVzZXIgYXV0aGVudGljYXRpb24xPTA7BgNVBAsMNEphcGFuIEFn
ZW5jeSBmb3IgTG9jYWwgQXV0aG9yaXR5IEluZm9ybWF0aW9uIFN5c3RlbXMwggEi
MA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQDdxNt+xeqB9O50CBx2IjT3ffw8
G/wOfwQJ2RfPHTuwBoudurxDlvqX5MPWlZpFaKNpbY0oWjOsA4BuLW40bS6BW+zm
dvYIZvtuxKuy5U613FGV0UbM7UT2s4Z/Wk4QJ+B6sFQnnoQlyzbDL3x70GQ+oQMo
8To0sFbqoRWUQAu3QoDUNb/H0/k8PxZwhtUYY2q5kaNbtlI4q+0u+qnQXizXOPx1
PJEvPsv0EQyE0+7aiSZ5kdiuDvZ9VdUXqiJHUnEljCYFRRiRJ4LlugEGwqMVWr0v
U+2UTg+K4vT6ESYxjTAfjgNlR1kWPEs/1UEblqfrJQo/25rTxoQd4/WXyJofAgMB
AAGjggGdMIIBmTAOBgNVHQ8BAf8EBAMCAQYwgbcGA1UdEQSBrzCBrKSBqTCBpjEL
MAkGA1UEBhMCSlAxJzAlBgNVBAoMHuWFrOeahOWAi+S6uuiqjeiovOOCteODvOOD
k+OCuTE5MDcGA1UECwww5YWs55qE5YCL5Lq66KqN6Ki844K144O844OT44K55Yip
55So6ICF6Ki85piO55SoMTMwMQYDVQQLDCrlnLDmlrnlhazlhbHlm6PkvZPmg4Xl
oLHjgrfjgrnjg4bjg6DmqZ/mp4swDwYDVR0TAQH/BAUwAwEB/zCBnAYDVR0fBIGU
MIGRMIGOoIGLoIGIpIGFMIGCMQswCQYDVQQGEwJKUDENMAsGA1UECgwESlBLSTEl
MCMGA1UECwwcSlBLSSBmb3IgdXNlciBhdXRoZW50aWNhdGlvbjE9MDsGA1UECww0
SmFwYW4gQWdlbmN5IGZvciBMb2NhbCBBdXRob3JpdHkgSW5mb3JtYXRpb24gU3lz
dGVtczAdBgNVHQ4EFgQUGsEA9ZajvIxLPfGV4yaZJJ6eMIowDQYJKoZIhvcNAQEL
BQADggEBAHB2MubK1YUwFd6zUQrinYXdkbXKGcm7X7Wfe8bRkxr6PGDeQgWjggCJ
44HrU8UZPAec7oCzqey0wQTqziBVjyd98ntWlVV5SrgXeaWbfgI51MgWs5j3a8hr
CPAwwcRi9XgTFgGvmwjAORrMaNueGkqAK/1YFs9TGuiJxIc8Tm0w/bVGNoS4eJ0u
yamqsLQroA9/pHCkp0AehFv4eonhiP8T3OsaiMG38JCb5a9K7FDfrwd3T4+zjDIb
ecJL+viI0psHWwVmoyBBLXNBMjA5kKIqDYaYo6jsd7yoViTGcDpoYeRynal5yjkG
yXigSal+staD3P6Yf7dJb0HX0gA0KRA=
-----END CERTIFICATE-----
)PEM"},
};

// A set of trust anchors (self-signed roots, or any certificate the caller decides to trust).
class trust_store {
 public:
  trust_store() = default;

  // The four embedded J-LIS roots.
  [[nodiscard]] static trust_store jlis() {
    trust_store store;
    for (const auto& root : jlis_roots) store.add(certificate::parse(root.pem));
    return store;
  }

  // Every certificate of a PEM bundle (or one DER certificate). errc::certificate_malformed.
  [[nodiscard]] static result<trust_store> try_from_bytes(std::string_view bytes) {
    auto certs = certificate::try_parse_all(bytes);
    if (!certs) return certs.error();
    trust_store store;
    for (auto& c : *certs) store.add(std::move(c));
    return store;
  }

  // Every *.pem, *.crt, *.cer and *.der file of a directory (not recursive; PEM files holding no
  // certificate are skipped), or a single file.
  // errc::io for an unreadable path, errc::certificate_malformed (naming the file) for a bad one.
  [[nodiscard]] static result<trust_store> try_from_path(const std::string& path) {
    std::error_code ec;
    trust_store store;
    if (!std::filesystem::is_directory(path, ec)) {
      auto bytes = certificate::read_file(path);
      if (!bytes) return bytes.error();
      auto certs = certificate::try_parse_all(*bytes);
      if (!certs) return error_info{certs.error().code, no_position, -1, path + ": " + certs.error().detail};
      for (auto& c : *certs) store.add(std::move(c));
      return store;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
      const auto ext = entry.path().extension().string();
      if (entry.is_regular_file() && (ext == ".pem" || ext == ".crt" || ext == ".cer" || ext == ".der")) {
        files.push_back(entry.path());
      }
    }
    if (ec) return error_info{errc::io, no_position, -1, "cannot list " + path};
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      // In a directory, PEM files without a certificate (keys, CRLs) are not anchors: skip them.
      if (file.extension() == ".pem" || file.extension() == ".crt") {
        auto text = certificate::read_file(file.string());
        if (!text) return text.error();
        if (text->find("-----BEGIN CERTIFICATE-----") == std::string::npos) continue;
      }
      auto one = try_from_path(file.string());
      if (!one) return one.error();
      for (auto& c : one->anchors_) store.add(std::move(c));
    }
    return store;
  }

  void add(certificate cert) { anchors_.push_back(std::move(cert)); }
  [[nodiscard]] const std::vector<certificate>& certificates() const noexcept { return anchors_; }
  [[nodiscard]] bool empty() const noexcept { return anchors_.empty(); }

 private:
  std::vector<certificate> anchors_;
};

}  // namespace jpki
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_JPKI_TRUST_ANCHORS_HPP
