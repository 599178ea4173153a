# The document engine: a libharu page-layout layer (pdf_layout) and the court
# papers built on it (one file per form family).
target_sources(relief_core PRIVATE
  src/documents/pdf_layout.cpp
  src/documents/ny_motion.cpp
  src/documents/petition.cpp
)
