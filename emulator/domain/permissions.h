#ifndef EMULATOR_DOMAIN_PERMISSIONS_H_
#define EMULATOR_DOMAIN_PERMISSIONS_H_

#include <string>
#include <vector>

namespace emulator::domain {

// The ResourcePermission values a SharingRole grants, in the reference's enum
// order. An unknown role grants nothing.
std::vector<std::string> PermissionsForRole(const std::string& role);

// True when `role` is one of the reference's SharingRole values.
bool IsSharingRole(const std::string& role);
// True when `type` is one of the reference's SubjectType values.
bool IsSubjectType(const std::string& type);

}  // namespace emulator::domain

#endif  // EMULATOR_DOMAIN_PERMISSIONS_H_
