// One HTTP POST over libcurl, with RAII handles. No retries here (model_client.h decides
// what to retry); the outcome says whether the transport failed and how.
// Thread safety: each call uses its own handle; calls may run on several threads.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace clade::model {

enum class Transport {
  kOk,       // a complete HTTP response arrived (any status)
  kConnect,  // could not connect (refused, unreachable, DNS)
  kTimeout,  // connect or total timeout
  kReset,    // the connection broke: reset, nothing received, truncated body
  kOther,    // anything else (bad URL, TLS)
};

struct HttpRequest {
  std::string url;
  std::vector<std::string> headers;  // "Name: value"
  std::string body;
  double connect_timeout_seconds = 10;
  double timeout_seconds = 300;
};

struct HttpResponse {
  Transport transport = Transport::kOk;
  std::string transport_error;  // curl's message when transport != kOk
  long status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
};

// Performs the request. Never throws; every failure is in the response.
HttpResponse HttpPost(const HttpRequest& request);

}  // namespace clade::model
