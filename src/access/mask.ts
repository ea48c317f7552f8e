/**
 * Masking of personal data (PERSONAL fields shown to principals outside the
 * personal-data policy), by the method the sharing catalogue declares for each
 * field. Pure. Masks always use four stars in the middle so the length of the
 * hidden part is not revealed.
 */
const STARS = "****";
const MOBILE = /^(\+?86[\s-]?)?(1\d{2})[\s-]?\d{4}[\s-]?(\d{4})$/;
const LANDLINE = /^(\(?0\d{2,3}\)?[\s-]?)(\d{7,8})(?:(?:-|转)\d{1,5})?$/;

/** "13812341234" → "138****1234"; "0371-68812345" → "0371-****2345"; other numbers keep at most the last 4 digits. */
export function maskPhone(phone: string): string {
  const value = phone.trim();
  const mobile = MOBILE.exec(value);
  if (mobile) return `${mobile[1] ?? ""}${mobile[2]}${STARS}${mobile[3]}`;
  const landline = LANDLINE.exec(value);
  if (landline) return `${landline[1]}${STARS}${landline[2]!.slice(-4)}`;
  const digits = value.replace(/\D/g, "");
  if (digits.length >= 11) return `${digits.slice(0, 3)}${STARS}${digits.slice(-4)}`;
  if (digits.length >= 8) return `${STARS}${digits.slice(-4)}`;
  if (digits.length >= 5) return `${STARS}${digits.slice(-2)}`;
  return STARS;
}

/** Keeps the family name: "张三丰" → "张**", "王五" → "王*"; one-character values become "*". */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return "*";
  return chars[0] + "*".repeat(Math.min(chars.length - 1, 4));
}

/** Resident ID number (18 or 15 characters): first 6, "********", last 4. */
export function maskIdNumber(id: string): string {
  const value = id.trim();
  if (value.length <= 10) return "*".repeat(Math.max(value.length, 4));
  return `${value.slice(0, 6)}********${value.slice(-4)}`;
}

/** Keeps the first characters of an address, up to its district or road: "郑州市上街区中心路12号" → "郑州市上街区****". */
export function maskAddress(address: string): string {
  const chars = Array.from(address.trim());
  const keep = Math.min(6, Math.floor(chars.length / 2));
  return `${chars.slice(0, keep).join("")}${STARS}`;
}

/** The ways a PERSONAL field is masked, as the sharing catalogue declares them ("PERSONAL phone"). */
export const MASK_METHODS = ["phone", "name", "idNumber", "address", "text"] as const;
export type MaskMethod = (typeof MASK_METHODS)[number];

const MASKS: Readonly<Record<MaskMethod, (value: string) => string>> = {
  phone: maskPhone,
  name: maskName,
  idNumber: maskIdNumber,
  address: maskAddress,
  // free text may hold anything personal: nothing of it is shown
  text: () => STARS,
};

/** Masks a value of a PERSONAL field by its declared method; lists item by item. */
export function maskValue<T>(method: MaskMethod, value: T): T | string {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((item) => maskValue(method, item)) as T;
  if (typeof value !== "string") return STARS;
  const text = value.trim();
  if (text === "") return value;
  return MASKS[method](text);
}
