#ifndef EMULATOR_JOURNAL_METRICS_H_
#define EMULATOR_JOURNAL_METRICS_H_

// Request counters and latency histograms, rendered in the Prometheus text
// exposition format. Memory is bounded by the number of distinct (route,
// method, status) triples, which the route table keeps small.
//
// Thread safety: every method may be called concurrently.

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace emulator::journal {

// Values that change outside the request path, sampled when rendering.
struct Gauges {
  std::size_t users = 0;
  std::size_t repositories = 0;
  std::size_t artifacts = 0;
  std::size_t builds = 0;
  std::size_t journal_entries = 0;
  std::map<std::string, std::uint64_t> faults_fired;  // by rule description
};

class Metrics {
 public:
  // Upper bounds of the latency buckets, in seconds.
  static constexpr std::array<double, 12> kBucketBounds = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                           0.05,   0.1,   0.25,   0.5,   1.0,  5.0};

  // Counts one served request. `route` is the route template ("unmatched"
  // for unknown paths).
  void Observe(const std::string& route, const std::string& method, int status,
               std::int64_t duration_micros);

  std::string RenderPrometheus(const Gauges& gauges) const;

  void Clear();

 private:
  struct Histogram {
    std::array<std::uint64_t, kBucketBounds.size()> buckets{};  // non-cumulative
    std::uint64_t count = 0;
    double sum_seconds = 0;
  };

  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;  // guarded by mutex_
  std::map<std::string, Histogram> latency_;                                     // guarded by mutex_
};

}  // namespace emulator::journal

#endif  // EMULATOR_JOURNAL_METRICS_H_
