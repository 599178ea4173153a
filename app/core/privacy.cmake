# Privacy: encryption primitives, sealed intake and encrypted export, the
# audit log (libsodium). The store itself is in the main list.
target_sources(relief_core PRIVATE
  src/crypto/crypto.cpp
  src/crypto/envelope.cpp
  src/audit/audit.cpp
  src/util/json_limits.cpp
)
# admin.cmake may already have found libsodium; find it once.
if(NOT TARGET PkgConfig::Sodium)
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(Sodium REQUIRED IMPORTED_TARGET libsodium>=1.0.18)
endif()
target_link_libraries(relief_core PRIVATE PkgConfig::Sodium)
