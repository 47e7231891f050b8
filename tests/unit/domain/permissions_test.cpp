// The permissions each sharing role grants, and the role and subject enums.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "domain/permissions.h"

namespace emulator::domain {
namespace {

const std::vector<std::string> kOwner = {"CAN_VIEW",
                                         "CAN_UPDATE",
                                         "CAN_DELETE",
                                         "CAN_SHARE",
                                         "CAN_MAKE_PREDICTIONS",
                                         "CAN_SHARE_ROLE_OWNER",
                                         "CAN_SHARE_ROLE_READ_WRITE",
                                         "CAN_SHARE_ROLE_READ_ONLY"};
const std::vector<std::string> kReadWrite = {"CAN_VIEW",
                                             "CAN_UPDATE",
                                             "CAN_SHARE",
                                             "CAN_MAKE_PREDICTIONS",
                                             "CAN_SHARE_ROLE_READ_WRITE",
                                             "CAN_SHARE_ROLE_READ_ONLY"};
const std::vector<std::string> kReadOnly = {"CAN_VIEW", "CAN_MAKE_PREDICTIONS",
                                            "CAN_SHARE_ROLE_READ_ONLY"};

TEST_CASE("owners and admins get all eight permissions", "[domain]") {
  CHECK(PermissionsForRole("OWNER") == kOwner);
  CHECK(PermissionsForRole("ADMIN") == kOwner);
}

TEST_CASE("read-write roles may update and share but not delete", "[domain]") {
  CHECK(PermissionsForRole("READ_WRITE") == kReadWrite);
  CHECK(PermissionsForRole("EDITOR") == kReadWrite);
  CHECK(PermissionsForRole("DATA_SCIENTIST") == kReadWrite);
}

TEST_CASE("read-only roles may view, predict and share as read-only", "[domain]") {
  CHECK(PermissionsForRole("READ_ONLY") == kReadOnly);
  CHECK(PermissionsForRole("USER") == kReadOnly);
  CHECK(PermissionsForRole("CONSUMER") == kReadOnly);
  CHECK(PermissionsForRole("OBSERVER") == kReadOnly);
}

TEST_CASE("NO_ROLE and unknown roles grant nothing", "[domain]") {
  CHECK(PermissionsForRole("NO_ROLE").empty());
  CHECK(PermissionsForRole("owner").empty());
  CHECK(PermissionsForRole("").empty());
  CHECK(PermissionsForRole("SUPERUSER").empty());
}

TEST_CASE("every reference sharing role is recognised", "[domain]") {
  const char* const roles[] = {"NO_ROLE",        "OWNER", "READ_WRITE", "EDITOR",   "USER",
                               "DATA_SCIENTIST", "ADMIN", "READ_ONLY",  "CONSUMER", "OBSERVER"};
  for (const char* role : roles) {
    INFO(role);
    CHECK(IsSharingRole(role));
  }
}

TEST_CASE("sharing roles are case-sensitive", "[domain]") {
  CHECK_FALSE(IsSharingRole("owner"));
  CHECK_FALSE(IsSharingRole("Owner"));
  CHECK_FALSE(IsSharingRole(""));
  CHECK_FALSE(IsSharingRole("SUPERUSER"));
}

TEST_CASE("subject types are the four reference values", "[domain]") {
  CHECK(IsSubjectType("user"));
  CHECK(IsSubjectType("group"));
  CHECK(IsSubjectType("organization"));
  CHECK(IsSubjectType("role"));
  CHECK_FALSE(IsSubjectType("USER"));
  CHECK_FALSE(IsSubjectType("organisation"));
  CHECK_FALSE(IsSubjectType(""));
}

}  // namespace
}  // namespace emulator::domain
