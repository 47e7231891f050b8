#include "domain/permissions.h"

#include <algorithm>

namespace emulator::domain {
namespace {

const std::vector<std::string> kOwnerPermissions = {
    "CAN_VIEW",  "CAN_UPDATE",           "CAN_DELETE",           "CAN_SHARE",
    "CAN_MAKE_PREDICTIONS", "CAN_SHARE_ROLE_OWNER", "CAN_SHARE_ROLE_READ_WRITE",
    "CAN_SHARE_ROLE_READ_ONLY"};
const std::vector<std::string> kReadWritePermissions = {
    "CAN_VIEW", "CAN_UPDATE", "CAN_SHARE", "CAN_MAKE_PREDICTIONS",
    "CAN_SHARE_ROLE_READ_WRITE", "CAN_SHARE_ROLE_READ_ONLY"};
const std::vector<std::string> kReadOnlyPermissions = {"CAN_VIEW", "CAN_MAKE_PREDICTIONS",
                                                       "CAN_SHARE_ROLE_READ_ONLY"};

const std::vector<std::string> kSharingRoles = {"NO_ROLE", "OWNER",          "READ_WRITE", "EDITOR",
                                                "USER",    "DATA_SCIENTIST", "ADMIN",      "READ_ONLY",
                                                "CONSUMER", "OBSERVER"};
const std::vector<std::string> kSubjectTypes = {"user", "group", "organization", "role"};

bool Contains(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

}  // namespace

std::vector<std::string> PermissionsForRole(const std::string& role) {
  if (role == "OWNER" || role == "ADMIN") return kOwnerPermissions;
  if (role == "READ_WRITE" || role == "EDITOR" || role == "DATA_SCIENTIST") {
    return kReadWritePermissions;
  }
  if (role == "READ_ONLY" || role == "USER" || role == "CONSUMER" || role == "OBSERVER") {
    return kReadOnlyPermissions;
  }
  return {};
}

bool IsSharingRole(const std::string& role) { return Contains(kSharingRoles, role); }
bool IsSubjectType(const std::string& type) { return Contains(kSubjectTypes, type); }

}  // namespace emulator::domain
