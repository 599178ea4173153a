#include "relief/crypto/crypto.hpp"

#include <sys/stat.h>

#include <gtest/gtest.h>

#include "privacy_support.hpp"
#include "relief/crypto/envelope.hpp"
#include "relief/model/case_io.hpp"
#include "relief/model/settings.hpp"
#include "relief/util/json_limits.hpp"
#include "relief/util/atomic_file.hpp"
#include "test_support.hpp"

namespace {

using namespace relief;
using relief::test::secret;

TEST(Crypto, SealedDataOpensOnlyWithTheRightKeyAndContext) {
  auto salt = crypto::random_bytes(crypto::kSaltBytes);
  auto key = crypto::derive_key(secret("a long passphrase"), salt, crypto::KdfCost{1, 8192});
  auto other = crypto::derive_key(secret("another passphrase"), salt, crypto::KdfCost{1, 8192});
  ASSERT_TRUE(key && other);
  auto sealed = crypto::seal(*key, relief::test::kName, "ctx");
  ASSERT_TRUE(sealed);
  EXPECT_EQ(sealed->find("Quillfeather"), std::string::npos);
  EXPECT_EQ(*crypto::open(*key, *sealed, "ctx"), relief::test::kName);
  EXPECT_FALSE(crypto::open(*other, *sealed, "ctx"));
  EXPECT_FALSE(crypto::open(*key, *sealed, "another use"));
  std::string changed = *sealed;
  changed[changed.size() / 2] ^= 1;
  EXPECT_FALSE(crypto::open(*key, changed, "ctx"));
  // Same plaintext twice: different ciphertexts (random nonces).
  EXPECT_NE(*crypto::seal(*key, "x", "ctx"), *crypto::seal(*key, "x", "ctx"));
}

TEST(Crypto, SessionCodesAreReadable) {
  const auto code = crypto::random_code(3);
  ASSERT_EQ(code.size(), 14u);
  for (char c : code) EXPECT_EQ(std::string("01OIL").find(c), std::string::npos) << code;
  EXPECT_NE(code, crypto::random_code(3));
}

TEST(Intake, KioskSealsAndOnlyTheClinicOpens) {
  relief::test::TempDir dir;
  auto keys = crypto::write_clinic_key_pair(dir.file("keys"));
  ASSERT_TRUE(keys) << keys.error().to_string();
  struct stat st {};
  ASSERT_EQ(::stat(keys->secret_file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  // A second keygen would destroy the clinic's ability to open old intakes.
  EXPECT_FALSE(crypto::write_clinic_key_pair(dir.file("keys")));

  auto pub = crypto::load_clinic_public_key(keys->public_file);
  ASSERT_TRUE(pub);
  std::filesystem::create_directories(dir.file("out"));
  auto path = crypto::seal_intake(relief::test::kName, *pub, dir.file("out"));
  ASSERT_TRUE(path) << path.error().to_string();
  EXPECT_EQ(std::filesystem::path(*path).extension(), ".reliefintake");
  EXPECT_FALSE(relief::test::leaks(relief::test::slurp(*path)));

  auto sk = crypto::load_clinic_secret_key(keys->secret_file);
  ASSERT_TRUE(sk) << sk.error().to_string();
  EXPECT_EQ(*crypto::open_intake(*path, *sk), relief::test::kName);

  // Another clinic's key (or the kiosk, which has none) cannot open it.
  auto stranger = crypto::generate_box_key_pair();
  ASSERT_TRUE(stranger);
  auto refused = crypto::open_intake(*path, stranger->secret_key);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().to_string().find(*path), std::string::npos);
}

TEST(Export, WrongPassphraseGivesNothingAndAChangedHeaderFails) {
  relief::test::TempDir dir;
  const auto file = dir.file("x.reliefcase");
  EXPECT_FALSE(crypto::export_encrypted("data", secret("short"), file, crypto::KdfCost{1, 8192}));
  EXPECT_FALSE(std::filesystem::exists(file));
  ASSERT_TRUE(crypto::export_encrypted(relief::test::kName, secret("long enough pass"), file, crypto::KdfCost{1, 8192}));
  EXPECT_FALSE(relief::test::leaks(relief::test::slurp(file)));
  EXPECT_EQ(*crypto::import_encrypted(file, secret("long enough pass")), relief::test::kName);
  auto wrong = crypto::import_encrypted(file, secret("long enough pasS"));
  ASSERT_FALSE(wrong);
  EXPECT_NE(wrong.error().message.find("wrong key or passphrase"), std::string::npos);

  // Lowering the stored cost in the header does not make the file open.
  std::string bytes = relief::test::slurp(file);
  bytes[std::string("relief.case-export/1\n").size() + crypto::kSaltBytes] ^= 1;
  ASSERT_TRUE(util::write_file_atomically(file, bytes));
  EXPECT_FALSE(crypto::import_encrypted(file, secret("long enough pass")));
}

}  // namespace

namespace {

// Found class of input: nlohmann parses deep nesting, but the recursive
// validation (and destruction) after it can exhaust the stack.
TEST(BadInput, DeepNestingIsRefusedWithAClearErrorNotACrash) {
  const std::string deep = std::string(200000, '[') + std::string(200000, ']');
  auto c = relief::model::parse_case(deep, "deep.case.json", relief::test::facts());
  ASSERT_FALSE(c);
  EXPECT_NE(c.error().to_string().find("nested too deeply"), std::string::npos);
  auto s = relief::model::parse_settings("{\"clinic\":" + std::string(100, '{') + std::string(100, '}') + "}", "s.json");
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("nested too deeply"), std::string::npos);
  // Brackets inside strings do not count.
  EXPECT_TRUE(relief::util::json_depth_within("{\"a\": \"" + std::string(1000, '[') + "\"}"));
}

}  // namespace

namespace {

// Found by fuzz_settings: a number too large for 64 bits makes nlohmann
// throw out_of_range (not parse_error), which used to escape and abort.
TEST(BadInput, ANumberTooLargeIsAnErrorNotAnAbort) {
  const std::string huge = std::string(400, '4') + "E4444";
  auto s = relief::model::parse_settings("{\"retention_days\": " + huge + "}", "s.json");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, relief::ErrorCode::BadInput);
  auto c = relief::model::parse_case("{\"schema\": " + huge + "}", "c.json", relief::test::facts());
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().code, relief::ErrorCode::BadInput);
}

}  // namespace
