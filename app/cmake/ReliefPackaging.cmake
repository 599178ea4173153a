# ReliefPackaging: what `cmake --install` puts where, and the Debian package
# CPack builds from it (`cpack -G DEB` in the build folder).
#
#   /usr/bin/relief, /usr/bin/relief-gui
#   /usr/share/relief/{rules,forms,locales}     found by util::data_dir()
#   /usr/share/relief/kiosk/                    the kiosk set-up (installer/kiosk)
#   /usr/share/applications, metainfo, icons/hicolor, man/man1, doc/relief
include(GNUInstallDirs)

set(RELIEF_APP_ID "org.reliefapp.Relief")
set(_inst "${CMAKE_SOURCE_DIR}/installer")
set(_gen "${CMAKE_BINARY_DIR}/installer")
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

# --- programs and data ------------------------------------------------------
install(TARGETS relief RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# relief-gui installs itself (app/gui/CMakeLists.txt) when the GUI is built.
install(DIRECTORY "${CMAKE_SOURCE_DIR}/rules/" DESTINATION ${CMAKE_INSTALL_DATADIR}/relief/rules
        PATTERN "cases" EXCLUDE)  # scenario tests: the source tree's business
install(DIRECTORY "${CMAKE_SOURCE_DIR}/forms/" DESTINATION ${CMAKE_INSTALL_DATADIR}/relief/forms)
# Compiled catalogs (locales/CMakeLists.txt writes them into the build tree).
install(DIRECTORY "${CMAKE_BINARY_DIR}/share/relief/locales/" DESTINATION ${CMAKE_INSTALL_DATADIR}/relief/locales
        OPTIONAL FILES_MATCHING PATTERN "*.mo")
install(PROGRAMS "${_inst}/kiosk/setup-kiosk.sh" "${_inst}/kiosk/undo-kiosk.sh" "${_inst}/kiosk/cups-privacy.sh"
        DESTINATION ${CMAKE_INSTALL_DATADIR}/relief/kiosk)
install(FILES "${_inst}/kiosk/relief-kiosk.service" "${_inst}/kiosk/README.md"
        DESTINATION ${CMAKE_INSTALL_DATADIR}/relief/kiosk)

# --- desktop integration ----------------------------------------------------
install(FILES "${_inst}/desktop/${RELIEF_APP_ID}.desktop" DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES "${_inst}/desktop/${RELIEF_APP_ID}.metainfo.xml" DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES "${_inst}/icons/${RELIEF_APP_ID}.svg"
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
# PNG sizes are rendered from the one SVG at build time, so they never drift.
find_program(RSVG_CONVERT rsvg-convert REQUIRED)
set(_icons)
foreach(size 16 24 32 48 64 128 256)
  set(_png "${_gen}/icons/${size}x${size}/${RELIEF_APP_ID}.png")
  add_custom_command(OUTPUT "${_png}"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${_gen}/icons/${size}x${size}"
    COMMAND "${RSVG_CONVERT}" -w ${size} -h ${size} -o "${_png}" "${_inst}/icons/${RELIEF_APP_ID}.svg"
    DEPENDS "${_inst}/icons/${RELIEF_APP_ID}.svg"
    COMMENT "Rendering the ${size}px icon")
  list(APPEND _icons "${_png}")
  install(FILES "${_png}" DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()

# --- manual pages and Debian documentation (compressed, as Debian wants) ----
find_program(GZIP gzip REQUIRED)
set(_docs)
foreach(page relief relief-gui)
  set(_gz "${_gen}/man/${page}.1.gz")
  add_custom_command(OUTPUT "${_gz}"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${_gen}/man"
    COMMAND "${GZIP}" -9nc "${_inst}/man/${page}.1" > "${_gz}"
    DEPENDS "${_inst}/man/${page}.1"
    COMMENT "Compressing the ${page} manual page")
  list(APPEND _docs "${_gz}")
  install(FILES "${_gz}" DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endforeach()
add_custom_command(OUTPUT "${_gen}/changelog.Debian.gz"
  COMMAND "${GZIP}" -9nc "${_inst}/debian/changelog" > "${_gen}/changelog.Debian.gz"
  DEPENDS "${_inst}/debian/changelog")
list(APPEND _docs "${_gen}/changelog.Debian.gz")
install(FILES "${_gen}/changelog.Debian.gz" "${_inst}/debian/copyright" DESTINATION ${CMAKE_INSTALL_DOCDIR})
add_custom_target(relief_install_files ALL DEPENDS ${_icons} ${_docs})

# --- the Debian package -----------------------------------------------------
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "relief")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "The Relief contributors")
set(CPACK_PACKAGE_CONTACT "Relief maintainers <relief-maintainers@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "offline helper for clearing trafficking-related criminal records")
set(CPACK_PACKAGE_DESCRIPTION
    "Relief asks plain-language questions and tells, record by record and with\n"
    "the statute cited, which criminal records a state's survivor law can\n"
    "vacate, expunge or seal, then writes the court papers as PDF files.\n"
    "It has no network code and keeps nothing by default. This package holds\n"
    "the relief command, the relief-gui wizard, the rules, the forms and the\n"
    "kiosk set-up scripts.")
string(REPLACE ";" "" CPACK_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
# Library dependencies come from dpkg-shlibdeps (dpkg-dev); the font is a
# dependency, not a copy: the court papers embed it from the system.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-liberation2")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "cage, cups")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE "xz")
set(CPACK_PACKAGE_DIRECTORY "${CMAKE_BINARY_DIR}/package")
include(CPack)
