#ifndef EMULATOR_SEED_SEED_WRITER_H_
#define EMULATOR_SEED_SEED_WRITER_H_

#include <nlohmann/json.hpp>

#include "domain/model.h"

namespace emulator::seed {

// Writes `world` in the seed format, with every id, timestamp and counter
// explicit, so that LoadSeed of the result gives back the same world (the
// id sequence included). Used for GET /_emulator/state and state files.
nlohmann::json WorldToSeed(const domain::World& world);

}  // namespace emulator::seed

#endif  // EMULATOR_SEED_SEED_WRITER_H_
