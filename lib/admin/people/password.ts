import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/admin/people/schema";

/**
 * The password policy (docs/decisions/0013-people-and-sessions.md §Passwords), after NIST SP 800-63B
 * §5.1.1.2: length rather than composition rules, and a check against passwords that are known to
 * be common. The list is zxcvbn-ts's maintained `passwords-common` dictionary (≈49,000 passwords
 * from public breach corpora, @zxcvbn-ts/language-common), plus the few words of this portal that
 * anyone would try first.
 */
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

const PORTAL_WORDS = ["lindungikur", "bpjs", "ketenagakerjaan", "kredit usaha rakyat", "password", "katasandi", "rahasia"];

let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return common;
}

/** Letters and digits only, lower-case: "Pass-Word 2026!" → "password2026". */
const letters = (v: string) => v.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

export type PasswordProblem = "tooShort" | "tooLong" | "common" | "personal" | "repetitive";

/**
 * What is wrong with a new password, or null when it meets the policy. `person` is the account it is
 * for: a password made of its e-mail's name or the person's name is refused.
 */
export function passwordProblem(password: string, person: { email: string; name: string }): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return "tooShort";
  if (length > PASSWORD_MAX_LENGTH) return "tooLong";
  if (new Set(password).size <= 3) return "repetitive";
  const plain = letters(password);
  // A common password dressed up with a year or a symbol is still a common password.
  const stem = plain.replace(/\d+$/, "");
  const list = commonPasswords();
  if (list.has(password.toLowerCase()) || list.has(plain) || (stem.length >= 4 && list.has(stem))) return "common";
  if (PORTAL_WORDS.some((w) => plain.replace(/\d+/g, "") === letters(w))) return "common";
  const local = letters(person.email.split("@")[0] ?? "");
  const name = letters(person.name);
  const parts = [local, name, ...person.name.split(/\s+/).map(letters)].filter((p) => p.length >= 4);
  if (parts.some((p) => plain.replace(/\d+/g, "") === p || plain.startsWith(p) && plain.length - p.length < 6)) return "personal";
  return null;
}
