#ifndef EMULATOR_SEED_SEED_LOADER_H_
#define EMULATOR_SEED_SEED_LOADER_H_

// Reads a seed file (the format of docs/seeds.md) into a World. Every problem
// is collected, not just the first, and each is reported as
//   <source>: <JSON pointer>: <what is wrong>
// so that a user can fix the file in one pass. Artifact specs go through the
// same validation as request bodies, so a seeded artifact reads back exactly
// like one created through the API.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/model.h"

namespace emulator::seed {

struct SeedLoadResult {
  std::optional<domain::World> world;  // set only when problems is empty
  std::vector<std::string> problems;
  // The seed's "scenarios" array as written (the scenario engine parses it).
  nlohmann::json scenarios = nlohmann::json::array();
};

// `source` names the file in messages ("seeds/default.json", "<built-in seed>").
// `id_seed`, when set, replaces the file's idSeed (the --id-seed option).
SeedLoadResult LoadSeed(std::string_view text, const std::string& source,
                        std::optional<std::uint64_t> id_seed = std::nullopt);

// The seed compiled into the binary.
SeedLoadResult LoadDefaultSeed(std::optional<std::uint64_t> id_seed = std::nullopt);

}  // namespace emulator::seed

#endif  // EMULATOR_SEED_SEED_LOADER_H_
