# Administration: the PIN, signing keys and signed rule packs (libsodium).
target_sources(relief_core PRIVATE
  src/admin/encoding.cpp
  src/admin/secret.cpp
  src/admin/keys.cpp
  src/admin/pack.cpp
)
find_package(PkgConfig REQUIRED)
pkg_check_modules(Sodium REQUIRED IMPORTED_TARGET libsodium>=1.0.18)
target_link_libraries(relief_core PRIVATE PkgConfig::Sodium)
