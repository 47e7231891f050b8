#include "journal/metrics.h"

#include <cstdio>

namespace emulator::journal {
namespace {

// Escapes a label value as the exposition format requires.
std::string Label(const std::string& value) {
  std::string escaped;
  for (char c : value) {
    if (c == '\\' || c == '"') {
      escaped += '\\';
      escaped += c;
    } else if (c == '\n') {
      escaped += "\\n";
    } else {
      escaped += c;
    }
  }
  return escaped;
}

std::string Number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", value);
  return buffer;
}

}  // namespace

void Metrics::Observe(const std::string& route, const std::string& method, int status,
                      std::int64_t duration_micros) {
  const double seconds = static_cast<double>(duration_micros) / 1e6;
  std::lock_guard<std::mutex> lock(mutex_);
  requests_[{route, method, status}] += 1;
  Histogram& histogram = latency_[route];
  histogram.count += 1;
  histogram.sum_seconds += seconds;
  for (size_t i = 0; i < kBucketBounds.size(); ++i) {
    if (seconds <= kBucketBounds[i]) {
      histogram.buckets[i] += 1;
      break;
    }
  }
}

std::string Metrics::RenderPrometheus(const Gauges& gauges) const {
  std::string out;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    out += "# HELP emulator_requests_total Requests answered, by route template, method and status.\n";
    out += "# TYPE emulator_requests_total counter\n";
    for (const auto& [key, count] : requests_) {
      const auto& [route, method, status] = key;
      out += "emulator_requests_total{route=\"" + Label(route) + "\",method=\"" + Label(method) +
             "\",status=\"" + std::to_string(status) + "\"} " + std::to_string(count) + "\n";
    }

    out += "# HELP emulator_request_duration_seconds Time from routing to the last byte written.\n";
    out += "# TYPE emulator_request_duration_seconds histogram\n";
    for (const auto& [route, histogram] : latency_) {
      std::uint64_t cumulative = 0;
      const std::string prefix = "emulator_request_duration_seconds_bucket{route=\"" + Label(route) + "\",le=\"";
      for (size_t i = 0; i < kBucketBounds.size(); ++i) {
        cumulative += histogram.buckets[i];
        out += prefix + Number(kBucketBounds[i]) + "\"} " + std::to_string(cumulative) + "\n";
      }
      out += prefix + "+Inf\"} " + std::to_string(histogram.count) + "\n";
      char sum[48];
      std::snprintf(sum, sizeof sum, "%.6f", histogram.sum_seconds);  // microsecond precision
      out += "emulator_request_duration_seconds_sum{route=\"" + Label(route) + "\"} " + sum + "\n";
      out += "emulator_request_duration_seconds_count{route=\"" + Label(route) + "\"} " +
             std::to_string(histogram.count) + "\n";
    }
  }

  out += "# HELP emulator_store_objects Objects in the emulated world, by kind.\n";
  out += "# TYPE emulator_store_objects gauge\n";
  out += "emulator_store_objects{kind=\"users\"} " + std::to_string(gauges.users) + "\n";
  out += "emulator_store_objects{kind=\"repositories\"} " + std::to_string(gauges.repositories) + "\n";
  out += "emulator_store_objects{kind=\"artifacts\"} " + std::to_string(gauges.artifacts) + "\n";
  out += "emulator_store_objects{kind=\"builds\"} " + std::to_string(gauges.builds) + "\n";
  out += "# HELP emulator_journal_entries Requests currently held in the request journal.\n";
  out += "# TYPE emulator_journal_entries gauge\n";
  out += "emulator_journal_entries " + std::to_string(gauges.journal_entries) + "\n";
  out += "# HELP emulator_faults_fired_total Scenario rules fired, by rule.\n";
  out += "# TYPE emulator_faults_fired_total counter\n";
  for (const auto& [rule, count] : gauges.faults_fired) {
    out += "emulator_faults_fired_total{rule=\"" + Label(rule) + "\"} " + std::to_string(count) + "\n";
  }
  return out;
}

void Metrics::Clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  requests_.clear();
  latency_.clear();
}

}  // namespace emulator::journal
