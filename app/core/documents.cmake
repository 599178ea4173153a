# The document engine (court papers from templates in forms/, laid out with
# libharu) and the gettext catalog reader it uses for the survivor's
# instructions.
target_sources(relief_core PRIVATE
  src/documents/pdf_layout.cpp
  src/documents/sha256.cpp
  src/documents/forms.cpp
  src/documents/context.cpp
  src/documents/render.cpp
  src/documents/petition.cpp
  src/i18n/catalog.cpp
)
find_path(RELIEF_MUSTACHE_INCLUDE kainjow/mustache.hpp REQUIRED)
target_include_directories(relief_core PRIVATE "${RELIEF_MUSTACHE_INCLUDE}")
