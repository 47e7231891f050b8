#ifndef EMULATOR_SEED_SEED_LOADER_H_
#define EMULATOR_SEED_SEED_LOADER_H_

// Reads a seed file (the format of docs/seeds.md) into a World. Every problem
// is collected, not just the first, and each is reported as
//   <source>: <JSON pointer>: <what is wrong>
// so that a user can fix the file in one pass. Artifact specs go through the
// same validation as request bodies, so a seeded artifact reads back exactly
// like one created through the API.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/model.h"

namespace emulator::seed {

struct SeedLoadResult {
  std::optional<domain::World> world;  // set only when problems is empty
  std::vector<std::string> problems;
};

// `source` names the file in messages ("seeds/default.json", "<built-in seed>").
SeedLoadResult LoadSeed(std::string_view text, const std::string& source);

// The seed compiled into the binary.
SeedLoadResult LoadDefaultSeed();

}  // namespace emulator::seed

#endif  // EMULATOR_SEED_SEED_LOADER_H_
