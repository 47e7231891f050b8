// Request metrics in the Prometheus text exposition format.
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "journal/metrics.h"

namespace emulator::journal {
namespace {

// The lines of `text` that start with `prefix`, in order, one per line.
std::string LinesStartingWith(const std::string& text, const std::string& prefix) {
  std::istringstream stream(text);
  std::string lines;
  for (std::string line; std::getline(stream, line);) {
    if (line.rfind(prefix, 0) == 0) lines += line + "\n";
  }
  return lines;
}

const char kEmptyOutput[] =
    "# HELP emulator_requests_total Requests answered, by route template, method and status.\n"
    "# TYPE emulator_requests_total counter\n"
    "# HELP emulator_request_duration_seconds Time from routing to the last byte written.\n"
    "# TYPE emulator_request_duration_seconds histogram\n"
    "# HELP emulator_store_objects Objects in the emulated world, by kind.\n"
    "# TYPE emulator_store_objects gauge\n"
    "emulator_store_objects{kind=\"users\"} 0\n"
    "emulator_store_objects{kind=\"repositories\"} 0\n"
    "emulator_store_objects{kind=\"artifacts\"} 0\n"
    "emulator_store_objects{kind=\"builds\"} 0\n"
    "# HELP emulator_journal_entries Requests currently held in the request journal.\n"
    "# TYPE emulator_journal_entries gauge\n"
    "emulator_journal_entries 0\n"
    "# HELP emulator_faults_fired_total Scenario rules fired, by rule.\n"
    "# TYPE emulator_faults_fired_total counter\n";

TEST_CASE("metrics without requests list only help, types and gauges", "[journal]") {
  const Metrics metrics;

  const std::string output = metrics.RenderPrometheus(Gauges{});

  CHECK(output == kEmptyOutput);
}

TEST_CASE("request counters count by route, method and status", "[journal]") {
  Metrics metrics;

  metrics.Observe("/artifacts", "POST", 201, 100);
  metrics.Observe("/artifacts", "GET", 200, 100);
  metrics.Observe("/artifacts", "GET", 200, 100);
  metrics.Observe("/artifacts", "GET", 500, 100);
  metrics.Observe("unmatched", "GET", 404, 100);

  CHECK(LinesStartingWith(metrics.RenderPrometheus({}), "emulator_requests_total{") ==
        "emulator_requests_total{route=\"/artifacts\",method=\"GET\",status=\"200\"} 2\n"
        "emulator_requests_total{route=\"/artifacts\",method=\"GET\",status=\"500\"} 1\n"
        "emulator_requests_total{route=\"/artifacts\",method=\"POST\",status=\"201\"} 1\n"
        "emulator_requests_total{route=\"unmatched\",method=\"GET\",status=\"404\"} 1\n");
}

TEST_CASE("latency buckets are cumulative and end with +Inf", "[journal]") {
  Metrics metrics;

  metrics.Observe("/artifacts", "GET", 200, 300);         // 0.3 ms
  metrics.Observe("/artifacts", "GET", 200, 7'000);       // 7 ms
  metrics.Observe("/artifacts", "POST", 201, 2'000'000);  // 2 s
  metrics.Observe("/artifacts", "GET", 200, 10'000'000);  // 10 s, above every bound

  const std::string output = metrics.RenderPrometheus({});
  CHECK(LinesStartingWith(output, "emulator_request_duration_seconds") ==
        "emulator_request_duration_seconds_bucket{route=\"/artifacts\",le=\"0.0005\"} 1\n"
        "emulator_request_duration_seconds_bucket{route=\"/artifacts\",le=\"0.001\"} 1\n"
        "emulator_request_duration_seconds_bucket{route=\"/artifacts\",le=\"0.0025\"} 1\n"
        "emulator_request_duration_seconds_bucket{route=\"/artifacts\",le=\"0.005\"} 1\n"
        "emulator_request_duration_seconds_bucket{route=\"/artifacts\",le=\"0.01\"} 2\n"
        "emulator_request_duration_seconds_bucket{route=\"/artifacts\",le=\"0.025\"} 2\n"
        "emulator_request_duration_seconds_bucket{route=\"/artifacts\",le=\"0.05\"} 2\n"
        "emulator_request_duration_seconds_bucket{route=\"/artifacts\",le=\"0.1\"} 2\n"
        "emulator_request_duration_seconds_bucket{route=\"/artifacts\",le=\"0.25\"} 2\n"
        "emulator_request_duration_seconds_bucket{route=\"/artifacts\",le=\"0.5\"} 2\n"
        "emulator_request_duration_seconds_bucket{route=\"/artifacts\",le=\"1\"} 2\n"
        "emulator_request_duration_seconds_bucket{route=\"/artifacts\",le=\"5\"} 3\n"
        "emulator_request_duration_seconds_bucket{route=\"/artifacts\",le=\"+Inf\"} 4\n"
        "emulator_request_duration_seconds_sum{route=\"/artifacts\"} 12.007300\n"
        "emulator_request_duration_seconds_count{route=\"/artifacts\"} 4\n");
}

TEST_CASE("a duration equal to a bound falls in that bucket", "[journal]") {
  Metrics metrics;

  metrics.Observe("/a", "GET", 200, 1'000);  // exactly 1 ms

  const std::string output = metrics.RenderPrometheus({});
  CHECK(LinesStartingWith(output, "emulator_request_duration_seconds_bucket{route=\"/a\",le=\"0.0005\"}") ==
        "emulator_request_duration_seconds_bucket{route=\"/a\",le=\"0.0005\"} 0\n");
  CHECK(LinesStartingWith(output, "emulator_request_duration_seconds_bucket{route=\"/a\",le=\"0.001\"}") ==
        "emulator_request_duration_seconds_bucket{route=\"/a\",le=\"0.001\"} 1\n");
}

TEST_CASE("the latency sum keeps microsecond precision", "[journal]") {
  Metrics metrics;

  // About 34 hours in total, which a long-running emulator reaches after
  // some millions of requests.
  metrics.Observe("/a", "GET", 200, 123'456'789'012);

  const std::string line =
      LinesStartingWith(metrics.RenderPrometheus({}), "emulator_request_duration_seconds_sum");
  const std::string prefix = "emulator_request_duration_seconds_sum{route=\"/a\"} ";
  REQUIRE(line.rfind(prefix, 0) == 0);
  const double rendered = std::stod(line.substr(prefix.size()));
  CHECK(rendered == Approx(123456.789012).epsilon(0).margin(1e-6));
}

TEST_CASE("each route gets its own histogram", "[journal]") {
  Metrics metrics;

  metrics.Observe("/b", "GET", 200, 100);
  metrics.Observe("/a", "GET", 200, 100);
  metrics.Observe("/a", "DELETE", 204, 100);

  const std::string output = metrics.RenderPrometheus({});
  CHECK(LinesStartingWith(output, "emulator_request_duration_seconds_count") ==
        "emulator_request_duration_seconds_count{route=\"/a\"} 2\n"
        "emulator_request_duration_seconds_count{route=\"/b\"} 1\n");
}

TEST_CASE("label values escape backslash, quote and newline", "[journal]") {
  Metrics metrics;
  Gauges gauges;
  gauges.faults_fired["status 503 on \"/artifacts\"\nthen C:\\x"] = 2;

  metrics.Observe("/a\"b\\c\nd", "GET", 200, 100);

  const std::string output = metrics.RenderPrometheus(gauges);
  CHECK(LinesStartingWith(output, "emulator_requests_total{") ==
        "emulator_requests_total{route=\"/a\\\"b\\\\c\\nd\",method=\"GET\",status=\"200\"} 1\n");
  CHECK(LinesStartingWith(output, "emulator_request_duration_seconds_count") ==
        "emulator_request_duration_seconds_count{route=\"/a\\\"b\\\\c\\nd\"} 1\n");
  CHECK(LinesStartingWith(output, "emulator_faults_fired_total{") ==
        "emulator_faults_fired_total{rule=\"status 503 on \\\"/artifacts\\\"\\nthen C:\\\\x\"} 2\n");
}

TEST_CASE("gauges render the sampled values", "[journal]") {
  const Metrics metrics;
  Gauges gauges;
  gauges.users = 3;
  gauges.repositories = 5;
  gauges.artifacts = 13;
  gauges.builds = 7;
  gauges.journal_entries = 42;
  gauges.faults_fired = {{"rule b", 1}, {"rule a", 4}};

  const std::string output = metrics.RenderPrometheus(gauges);

  CHECK(LinesStartingWith(output, "emulator_store_objects") ==
        "emulator_store_objects{kind=\"users\"} 3\n"
        "emulator_store_objects{kind=\"repositories\"} 5\n"
        "emulator_store_objects{kind=\"artifacts\"} 13\n"
        "emulator_store_objects{kind=\"builds\"} 7\n");
  CHECK(LinesStartingWith(output, "emulator_journal_entries ") == "emulator_journal_entries 42\n");
  CHECK(LinesStartingWith(output, "emulator_faults_fired_total{") ==
        "emulator_faults_fired_total{rule=\"rule a\"} 4\n"
        "emulator_faults_fired_total{rule=\"rule b\"} 1\n");
}

TEST_CASE("clearing metrics drops counters and histograms", "[journal]") {
  Metrics metrics;
  metrics.Observe("/a", "GET", 200, 100);

  metrics.Clear();

  CHECK(metrics.RenderPrometheus({}) == kEmptyOutput);
}

TEST_CASE("every metric line ends with a newline", "[journal]") {
  Metrics metrics;
  metrics.Observe("/a", "GET", 200, 100);

  const std::string output = metrics.RenderPrometheus({});

  CHECK(output.back() == '\n');
  CHECK(output.find("\n\n") == std::string::npos);
}

}  // namespace
}  // namespace emulator::journal
