// Signed rule packs: a clinic installs new law from a file, with no network,
// and nothing unsigned, changed, untrusted or broken ever becomes the law in
// use.
#include "relief/admin/pack.hpp"

#include <sodium.h>

#include <filesystem>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "admin_test_support.hpp"
#include "relief/admin/keys.hpp"
#include "relief/rules/ruleset.hpp"
#include "relief/util/paths.hpp"

namespace relief::admin {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using test::ScopedEnv;
using test::slurp;
using test::spit;

std::string b64(const std::string& bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.pop_back();
  return out;
}

std::string unb64(const std::string& text) {
  std::string out(text.size(), '\0');
  std::size_t n = 0;
  EXPECT_EQ(sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(),
                              nullptr, &n, nullptr, sodium_base64_VARIANT_ORIGINAL),
            0);
  out.resize(n);
  return out;
}

// A scratch machine: a signing key (trusted), the source tree's rules and
// forms copied so a test may change them, and an empty state folder.
class PackTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(init_crypto());
    auto k = generate_key_pair(tmp_.file("keys"));
    ASSERT_TRUE(k) << k.error().to_string();
    key_ = k->secret_file;
    fs::create_directories(tmp_.file("trusted"));
    fs::copy_file(k->public_file, tmp_.file("trusted/clinic.pub"));
    fs::copy(std::string(RELIEF_SOURCE_DIR) + "/rules", tmp_.file("rules"), fs::copy_options::recursive);
    fs::copy(std::string(RELIEF_SOURCE_DIR) + "/forms", tmp_.file("forms"), fs::copy_options::recursive);
    opts_ = {tmp_.file("state"), tmp_.file("trusted"), false};
  }

  // Builds a pack of the current rules/ and forms/ copies.
  std::string pack(const std::string& version, bool check_rules = true, const std::string& key = {}) {
    const std::string out = tmp_.file(version + ".pack");
    auto m = build_pack({tmp_.file("rules"), tmp_.file("forms"), key.empty() ? key_ : key, out, version, check_rules});
    EXPECT_TRUE(m) << m.error().to_string();
    return out;
  }

  // Sets the NY rules file's version (and so what the manifest records).
  void set_ny_version(const std::string& v) {
    json ny = json::parse(slurp(tmp_.file("rules/ny/rules.json")));
    ny["version"] = v;
    spit(tmp_.file("rules/ny/rules.json"), ny.dump(2));
  }

  std::string current_version() {
    auto st = pack_status(opts_.state_dir);
    EXPECT_TRUE(st);
    return st && st->current ? st->current->manifest.pack_version : std::string();
  }

  // The version of NY rules the program would now use.
  std::string ny_version_in_use() {
    ScopedEnv env("RELIEF_STATE_DIR", opts_.state_dir);
    std::vector<rules::Issue> issues;
    auto lib = rules::load_library(util::rules_dir(), issues);
    EXPECT_TRUE(lib);
    return lib && lib->find("NY") ? lib->find("NY")->version : std::string();
  }

  std::string refusal(const std::string& pack_file) {
    auto r = install_pack(pack_file, opts_);
    EXPECT_FALSE(r) << "installed a pack that should have been refused";
    return r ? std::string() : r.error().to_string();
  }

  // Nothing but the two links, the lock and the kept packs in packs/.
  void expect_no_leftovers() {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(opts_.state_dir + "/packs", ec)) {
      EXPECT_EQ(e.path().filename().string().find(".incoming"), std::string::npos) << e.path();
    }
  }

  test::TempDir tmp_;
  std::string key_;
  InstallOptions opts_;
};

TEST_F(PackTest, SignInstallRollback) {
  const std::string packaged = ny_version_in_use();
  set_ny_version("2027-01-15");
  const std::string p1 = pack("2027.1");
  auto installed = install_pack(p1, opts_);
  ASSERT_TRUE(installed) << installed.error().to_string();
  EXPECT_EQ(installed->manifest.pack_version, "2027.1");
  EXPECT_EQ(installed->signer.size(), 16u);
  EXPECT_EQ(current_version(), "2027.1");
  EXPECT_EQ(ny_version_in_use(), "2027-01-15") << "the installed pack's rules must be preferred";
  {
    ScopedEnv env("RELIEF_STATE_DIR", opts_.state_dir);
    EXPECT_EQ(util::rules_dir(), opts_.state_dir + "/packs/current/rules");
    EXPECT_EQ(util::forms_dir(), opts_.state_dir + "/packs/current/forms");
    EXPECT_TRUE(fs::exists(util::forms_dir() + "/README.md"));
  }
  bool listed = false;
  for (const auto& j : installed->manifest.jurisdictions) {
    if (j.code == "NY") {
      listed = true;
      EXPECT_EQ(j.rules_version, "2027-01-15");
      EXPECT_EQ(j.reviewed, "2026-11-29");
    }
  }
  EXPECT_TRUE(listed);

  set_ny_version("2027-06-01");
  auto second = install_pack(pack("2027.2"), opts_);
  ASSERT_TRUE(second) << second.error().to_string();
  EXPECT_EQ(ny_version_in_use(), "2027-06-01");
  auto st = pack_status(opts_.state_dir);
  ASSERT_TRUE(st && st->previous);
  EXPECT_EQ(st->previous->manifest.pack_version, "2027.1");

  auto back = rollback_pack(opts_.state_dir);
  ASSERT_TRUE(back) << back.error().to_string();
  EXPECT_EQ(back->current->manifest.pack_version, "2027.1");
  EXPECT_EQ(back->previous->manifest.pack_version, "2027.2");
  EXPECT_EQ(ny_version_in_use(), "2027-01-15");

  // Rolling back again undoes the rollback.
  ASSERT_TRUE(rollback_pack(opts_.state_dir));
  EXPECT_EQ(ny_version_in_use(), "2027-06-01");

  // A third pack pushes the oldest out: only in-use and previous are kept.
  set_ny_version("2027-09-01");
  ASSERT_TRUE(install_pack(pack("2027.3"), opts_));
  EXPECT_FALSE(fs::exists(opts_.state_dir + "/packs/2027.1"));
  EXPECT_TRUE(fs::exists(opts_.state_dir + "/packs/2027.2"));
  expect_no_leftovers();
  EXPECT_NE(packaged, "2027-09-01");
}

TEST_F(PackTest, RollbackOfTheOnlyPackGoesBackToThePackagedRules) {
  const std::string packaged = ny_version_in_use();
  set_ny_version("2027-01-15");
  ASSERT_TRUE(install_pack(pack("only"), opts_));
  auto st = rollback_pack(opts_.state_dir);
  ASSERT_TRUE(st) << st.error().to_string();
  EXPECT_FALSE(st->current);
  EXPECT_EQ(ny_version_in_use(), packaged);
  ASSERT_TRUE(rollback_pack(opts_.state_dir));
  EXPECT_EQ(ny_version_in_use(), "2027-01-15");
}

TEST_F(PackTest, RollbackWithNothingInstalledSaysSo) {
  auto r = rollback_pack(opts_.state_dir);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("no rule pack was ever installed"), std::string::npos);
}

TEST_F(PackTest, TamperedFileIsRefused) {
  const std::string p = pack("v1");
  json doc = json::parse(slurp(p));
  std::string ny = unb64(doc["files"]["rules/ny/rules.json"].get<std::string>());
  ny.replace(ny.find("\"may\""), 5, "\"shall\"");
  doc["files"]["rules/ny/rules.json"] = b64(ny);
  spit(p, doc.dump());
  const std::string why = refusal(p);
  EXPECT_NE(why.find("rules/ny/rules.json does not match the signed manifest; it was changed after signing"),
            std::string::npos)
      << why;
  EXPECT_EQ(current_version(), "");
  expect_no_leftovers();
}

TEST_F(PackTest, ChangedManifestIsRefused) {
  const std::string p = pack("v1");
  json doc = json::parse(slurp(p));
  json m = json::parse(unb64(doc["manifest"].get<std::string>()));
  m["pack_version"] = "v9";
  doc["manifest"] = b64(m.dump(2) + "\n");
  spit(p, doc.dump());
  EXPECT_NE(refusal(p).find("the signature does not match; the pack was changed after it was signed"),
            std::string::npos);
}

TEST_F(PackTest, AddedFileIsRefused) {
  const std::string p = pack("v1");
  json doc = json::parse(slurp(p));
  doc["files"]["rules/zz/rules.json"] = b64("{}");
  spit(p, doc.dump());
  EXPECT_NE(refusal(p).find("not in the signed manifest"), std::string::npos);
}

TEST_F(PackTest, UnsignedPackIsRefused) {
  const std::string p = pack("v1");
  json doc = json::parse(slurp(p));
  doc.erase("signature");
  spit(p, doc.dump());
  EXPECT_NE(refusal(p).find("refused: the pack is not signed"), std::string::npos);
  spit(p, "not a pack");
  EXPECT_NE(refusal(p).find("not a Relief rule pack"), std::string::npos);
  // Wrong types anywhere are refusals, never exceptions.
  spit(p, R"({"format": 5})");
  EXPECT_NE(refusal(p).find("not a Relief rule pack"), std::string::npos);
  spit(p, R"({"format": "relief.pack/1", "signature": 5, "public_key": []})");
  EXPECT_NE(refusal(p).find("not signed"), std::string::npos);
  spit(p, R"({"format": "relief.pack/1", "size": 4444E4444})");
  EXPECT_NE(refusal(p).find("not a Relief rule pack"), std::string::npos);
}

TEST_F(PackTest, PackSignedByAnUntrustedKeyIsRefused) {
  auto other = generate_key_pair(tmp_.file("stranger"));
  ASSERT_TRUE(other);
  const std::string p = pack("v1", true, other->secret_file);
  const std::string why = refusal(p);
  EXPECT_NE(why.find("signed by key " + other->fingerprint + ", which is not one of the trusted keys"),
            std::string::npos)
      << why;
  // Swapping in a trusted public key does not help: the signature is then wrong.
  json doc = json::parse(slurp(p));
  auto trusted = load_public_key(tmp_.file("trusted/clinic.pub"));
  ASSERT_TRUE(trusted);
  doc["public_key"] = trusted->base64();
  spit(p, doc.dump());
  EXPECT_NE(refusal(p).find("the signature does not match"), std::string::npos);
}

TEST_F(PackTest, NoTrustedKeysMeansNothingInstalls) {
  fs::remove_all(tmp_.file("trusted"));
  EXPECT_NE(refusal(pack("v1")).find("no trusted keys"), std::string::npos);
}

TEST_F(PackTest, InvalidRulesInAValidlySignedPackAreRefusedAndThePreviousPackStays) {
  set_ny_version("2027-01-15");
  ASSERT_TRUE(install_pack(pack("good"), opts_));
  // Break a rule: an unknown relief kind, in a pack that is signed properly.
  json ny = json::parse(slurp(tmp_.file("rules/ny/rules.json")));
  ny["remedies"][0]["relief"] = "pardon";
  spit(tmp_.file("rules/ny/rules.json"), ny.dump(2));

  auto refused_build = build_pack({tmp_.file("rules"), tmp_.file("forms"), key_, tmp_.file("x.pack"), "bad", true});
  ASSERT_FALSE(refused_build) << "pack must check the rules before signing them";
  EXPECT_NE(refused_build.error().message.find("the rules are not valid"), std::string::npos);

  const std::string why = refusal(pack("bad", false));
  EXPECT_NE(why.find("refused: the rules in the pack are not valid; the rules in use are unchanged"),
            std::string::npos)
      << why;
  EXPECT_NE(why.find("rules.json"), std::string::npos) << "the problem itself is listed: " << why;
  EXPECT_EQ(current_version(), "good");
  EXPECT_EQ(ny_version_in_use(), "2027-01-15");
  EXPECT_FALSE(fs::exists(opts_.state_dir + "/packs/bad"));
  expect_no_leftovers();
}

TEST_F(PackTest, PathsOutsideRulesAndFormsAreRefusedEvenWhenSigned) {
  // Hand-made manifest, correctly signed, naming ../../etc/passwd.
  const std::string evil = "root::0:0::/:/bin/sh\n";
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(evil.data()), evil.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  const json manifest = {{"schema", "relief.pack-manifest/1"},
                         {"pack_version", "evil"},
                         {"created", "2030-01-01T00:00:00Z"},
                         {"jurisdictions", json::array()},
                         {"files", {{{"path", "rules/../../etc/passwd"}, {"size", evil.size()}, {"sha256", hex}}}}};
  const std::string bytes = manifest.dump(2) + "\n";
  const std::string message = "relief.pack/1 manifest\n" + bytes;
  auto sk = load_secret_key(key_);
  ASSERT_TRUE(sk);
  unsigned char sig[crypto_sign_BYTES];
  crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       sk->data());
  auto pk = load_public_key(tmp_.file("trusted/clinic.pub"));
  ASSERT_TRUE(pk);
  const json doc = {{"format", "relief.pack/1"},
                    {"manifest", b64(bytes)},
                    {"public_key", pk->base64()},
                    {"signature", b64(std::string(reinterpret_cast<char*>(sig), sizeof sig))},
                    {"files", {{"rules/../../etc/passwd", b64(evil)}}}};
  spit(tmp_.file("evil.pack"), doc.dump());
  EXPECT_NE(refusal(tmp_.file("evil.pack")).find("expected a relative path under rules/ or forms/"),
            std::string::npos);
  EXPECT_FALSE(fs::exists(tmp_.file("etc/passwd")));
}

TEST_F(PackTest, AnOlderPackNeedsToBeAskedFor) {
  ASSERT_TRUE(install_pack(pack("old"), opts_));
  const std::string old_file = tmp_.file("old.pack");
  fs::rename(old_file, tmp_.file("kept-old.pack"));
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // `created` has whole seconds
  ASSERT_TRUE(install_pack(pack("new"), opts_));
  ASSERT_TRUE(rollback_pack(opts_.state_dir));
  ASSERT_TRUE(rollback_pack(opts_.state_dir));
  // Re-installing the older file (e.g. a stale USB stick) must be deliberate.
  opts_.allow_older = false;
  const std::string why = refusal(tmp_.file("kept-old.pack"));
  EXPECT_NE(why.find("is older than the pack in use"), std::string::npos) << why;
  opts_.allow_older = true;
  auto r = install_pack(tmp_.file("kept-old.pack"), opts_);
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(current_version(), "old");
}

TEST_F(PackTest, KeysAreNeverOverwrittenAndTheSecretKeyIsPrivate) {
  auto again = generate_key_pair(tmp_.file("keys"));
  ASSERT_FALSE(again);
  EXPECT_NE(again.error().message.find("never overwritten"), std::string::npos);
  const auto perms = fs::status(key_).permissions();
  EXPECT_EQ(perms & (fs::perms::group_all | fs::perms::others_all), fs::perms::none);
  auto pub = load_public_key(tmp_.file("trusted/clinic.pub"));
  ASSERT_TRUE(pub);
  EXPECT_FALSE(load_public_key(key_)) << "a secret key is not a public key";
  EXPECT_FALSE(load_secret_key(tmp_.file("trusted/clinic.pub")));
}

}  // namespace
}  // namespace relief::admin
