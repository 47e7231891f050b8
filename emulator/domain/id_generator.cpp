#include "domain/id_generator.h"

#include <cstdio>

namespace emulator::domain {
namespace {

// SplitMix64's finaliser: spreads a small seed over all 64 bits.
std::uint64_t Mix(std::uint64_t value) {
  value += 0x9e3779b97f4a7c15ULL;
  value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ULL;
  value = (value ^ (value >> 27)) * 0x94d049bb133111ebULL;
  return value ^ (value >> 31);
}

}  // namespace

IdGenerator::IdGenerator(std::uint64_t seed) : seed_(seed) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(Mix(seed)));
  prefix_.assign(buffer, 10);
}

std::string IdGenerator::Next() {
  ++counter_;
  char buffer[32];
  // 14 hex digits of counter: room for 7.2e16 ids per seed.
  std::snprintf(buffer, sizeof buffer, "%s%014llx", prefix_.c_str(),
                static_cast<unsigned long long>(counter_));
  return buffer;
}

bool IsObjectId(const std::string& text) {
  if (text.size() != 24) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace emulator::domain
