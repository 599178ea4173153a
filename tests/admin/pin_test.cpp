// The administrator PIN: Argon2id hashes, kept in wiped buffers.
#include <gtest/gtest.h>

#include "relief/admin/secret.hpp"

namespace relief::admin {
namespace {

SecretBuffer pin_of(const char* text) {
  SecretBuffer b(kMaxPinBytes);
  EXPECT_TRUE(b.assign(text));
  return b;
}

TEST(Pin, HashIsArgon2idAndOnlyTheRightPinMatches) {
  auto hash = hash_pin(pin_of("482913"), PinHashCost::Interactive);
  ASSERT_TRUE(hash) << hash.error().to_string();
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << *hash;
  EXPECT_EQ(hash->find("482913"), std::string::npos);
  EXPECT_TRUE(verify_pin(pin_of("482913"), *hash));
  EXPECT_FALSE(verify_pin(pin_of("482914"), *hash));
  EXPECT_FALSE(verify_pin(pin_of(""), *hash));
  EXPECT_FALSE(verify_pin(pin_of("482913"), ""));
  EXPECT_FALSE(verify_pin(pin_of("482913"), "$argon2id$garbage"));
}

TEST(Pin, TheSamePinHashesDifferentlyEachTime) {
  auto a = hash_pin(pin_of("482913"), PinHashCost::Interactive);
  auto b = hash_pin(pin_of("482913"), PinHashCost::Interactive);
  ASSERT_TRUE(a && b);
  EXPECT_NE(*a, *b) << "a salt must make equal PINs look different";
}

TEST(Pin, ShortOrOddPinsAreRefused) {
  auto r = check_new_pin(pin_of("1234"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "expected at least 6 characters");
  EXPECT_FALSE(check_new_pin(pin_of("12345\t6")));
  EXPECT_TRUE(check_new_pin(pin_of("123456")));
  EXPECT_FALSE(hash_pin(pin_of("12"), PinHashCost::Interactive));
}

TEST(Pin, BufferClearsAndRefusesOverflow) {
  SecretBuffer b(8);
  ASSERT_TRUE(b.ok());
  EXPECT_TRUE(b.assign("12345678"));
  EXPECT_FALSE(b.push_back('9'));
  EXPECT_FALSE(b.assign("123456789"));
  EXPECT_EQ(b.size(), 0u);
  EXPECT_TRUE(b.assign("abc"));
  b.clear();
  EXPECT_EQ(b.size(), 0u);
  for (std::size_t i = 0; i < b.capacity(); ++i) EXPECT_EQ(b.data()[i], 0) << i;
}

}  // namespace
}  // namespace relief::admin
