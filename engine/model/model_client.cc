#include "engine/model/model_client.h"

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <thread>

#include <fmt/format.h>

#include "engine/model/http.h"
#include "engine/model/wire.h"
#include "support/defer.h"
#include "support/strings.h"

namespace clade::model {
namespace {

std::string Dump(const nlohmann::json& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Seconds from Retry-After (a number; an HTTP date is ignored) or retry-after-ms; -1 if none.
double RetryAfter(const HttpResponse& response) {
  auto number = [](const std::string& text) {
    char* end = nullptr;
    double value = std::strtod(text.c_str(), &end);
    return end != text.c_str() && *end == '\0' && std::isfinite(value) && value >= 0 ? value : -1;
  };
  if (auto it = response.headers.find("retry-after-ms"); it != response.headers.end()) {
    double ms = number(it->second);
    if (ms >= 0) return ms / 1000;
  }
  if (auto it = response.headers.find("retry-after"); it != response.headers.end()) {
    return number(it->second);
  }
  return -1;
}

bool Retryable(long status) {
  return status == 408 || status == 409 || status == 429 || status >= 500;
}

std::string TransportName(Transport transport) {
  switch (transport) {
    case Transport::kConnect:
      return "cannot connect";
    case Transport::kTimeout:
      return "timed out";
    case Transport::kReset:
      return "connection broken";
    default:
      return "transport error";
  }
}

}  // namespace

Result<std::shared_ptr<ModelClient>> ModelClient::Create(const ModelConfig& config) {
  std::string key;
  if (!config.api_key_env.empty()) {
    const char* value = std::getenv(config.api_key_env.c_str());
    if ((!value || !*value) && !config.offline) {
      return FailAs(ErrorKind::kUsage,
                    "{}: the model key variable {} (model.api_key_env) is not set in the "
                    "environment",
                    config.file.string(), config.api_key_env);
    }
    if (value) key = value;
  }
  return std::make_shared<ModelClient>(config, std::move(key));
}

ModelClient::ModelClient(ModelConfig config, std::string key)
    : config_(std::move(config)),
      key_(std::move(key)),
      cache_(config_.cache),
      jitter_(std::random_device{}()) {}

std::string ModelClient::Where() const {
  return fmt::format("model {} at {}", config_.name, config_.Endpoint());
}

std::string ModelClient::Redact(std::string text) const {
  // Short "keys" (a local server's dummy "x") would shred every text; they protect nothing.
  if (key_.size() < 4) return text;
  for (size_t at = text.find(key_); at != std::string::npos; at = text.find(key_, at)) {
    text.replace(at, key_.size(), "[redacted]");
  }
  return text;
}

double ModelClient::Cost(const Usage& usage) const {
  return (static_cast<double>(usage.input_tokens) * config_.price_input +
          static_cast<double>(usage.output_tokens) * config_.price_output) /
         1e6;
}

Spent ModelClient::spent() const {
  std::lock_guard lock(mutex_);
  return spent_;
}

double ModelClient::Backoff(int attempt, double retry_after) {
  if (retry_after >= 0) return std::min(retry_after, config_.retry_max_seconds);
  double wait =
      std::min(config_.retry_max_seconds, config_.retry_base_seconds * std::pow(2.0, attempt));
  std::lock_guard lock(mutex_);
  // Jitter in [0.5, 1): clients that failed together do not retry together.
  return wait * (0.5 + 0.5 * std::uniform_real_distribution<double>(0, 1)(jitter_));
}

Result<ChatResponse> ModelClient::Chat(const ChatRequest& request) {
  std::string body = Dump(EncodeRequest(config_, request));
  std::string cache_key =
      fmt::format("{} {}\n{}", ProviderName(config_.provider), config_.Endpoint(), body);
  if (std::optional<ChatResponse> hit = cache_.Lookup(cache_key)) {
    std::lock_guard lock(mutex_);
    ++spent_.cached;
    return *hit;
  }
  if (config_.offline) {
    return Fail("{}: offline, and the response cache {} has no answer for this request", Where(),
                cache_.directory().string());
  }
  {
    std::unique_lock lock(mutex_);
    if (config_.budget_tokens && spent_.tokens() >= *config_.budget_tokens) {
      return Fail("{}: the model token budget of {} is spent ({} tokens used)", Where(),
                  *config_.budget_tokens, spent_.tokens());
    }
    if (config_.budget_money && spent_.cost >= *config_.budget_money) {
      return Fail("{}: the model money budget of {} is spent ({:.4f} used)", Where(),
                  *config_.budget_money, spent_.cost);
    }
    slot_freed_.wait(lock, [&] { return in_flight_ < config_.concurrency; });
    ++in_flight_;
  }
  DEFER {
    std::lock_guard lock(mutex_);
    --in_flight_;
    slot_freed_.notify_one();
  };
  int attempts = 0;
  Result<ChatResponse> response = Call(body, &attempts);
  if (!response)
    return tl::unexpected(Error{response.error().kind, Redact(response.error().message)});
  response->text = Redact(std::move(response->text));
  response->attempts = attempts;
  response->cost = Cost(response->usage);
  {
    std::lock_guard lock(mutex_);
    ++spent_.calls;
    spent_.input_tokens += response->usage.input_tokens;
    spent_.output_tokens += response->usage.output_tokens;
    spent_.cost += response->cost;
  }
  CLADE_TRY(cache_.Store(cache_key, *response));
  return response;
}

Result<ChatResponse> ModelClient::Call(const std::string& body, int* attempts) {
  HttpRequest http;
  http.url = config_.Endpoint();
  http.body = body;
  http.connect_timeout_seconds = config_.connect_timeout_seconds;
  http.timeout_seconds = config_.timeout_seconds;
  http.headers = {"Content-Type: application/json", "Expect:"};
  if (config_.provider == Provider::kAnthropic) {
    http.headers.push_back("anthropic-version: 2023-06-01");
    if (!key_.empty()) http.headers.push_back("x-api-key: " + key_);
  } else if (!key_.empty()) {
    http.headers.push_back("Authorization: Bearer " + key_);
  }
  std::string last;
  for (int attempt = 0; attempt <= config_.retries; ++attempt) {
    ++*attempts;
    HttpResponse response = HttpPost(http);
    double retry_after = -1;
    if (response.transport != Transport::kOk) {
      if (response.transport == Transport::kOther) {
        return Fail("{}: {}", Where(), response.transport_error);
      }
      last = fmt::format("{} ({})", TransportName(response.transport), response.transport_error);
    } else if (response.status >= 200 && response.status < 300) {
      Result<ChatResponse> answer = DecodeResponse(config_.provider, response.body);
      if (answer) return answer;
      last = answer.error().message;
    } else if (response.status == 401 || response.status == 403) {
      std::string which = config_.api_key_env.empty()
                              ? std::string("no key was sent (model.api_key_env is not set)")
                              : fmt::format("check the key in {}", config_.api_key_env);
      return Fail("{}: the provider refused the request (HTTP {}: {}); {}", Where(),
                  response.status, ErrorMessage(response.body), which);
    } else if (!Retryable(response.status)) {
      return Fail("{}: the provider rejected the request (HTTP {}: {})", Where(), response.status,
                  ErrorMessage(response.body));
    } else {
      last = fmt::format("HTTP {}: {}", response.status, ErrorMessage(response.body));
      retry_after = RetryAfter(response);
    }
    if (attempt < config_.retries) {
      std::this_thread::sleep_for(std::chrono::duration<double>(Backoff(attempt, retry_after)));
    }
  }
  return Fail("{}: no answer after {} attempts; the last: {}", Where(), *attempts, last);
}

}  // namespace clade::model
