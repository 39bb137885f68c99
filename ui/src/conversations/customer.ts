import type { Customer } from "../bindings/Customer";

/**
 * How the customer is reached: `+<number>` when WhatsApp gave the number, else
 * `@<username>` (a customer known only by a WhatsApp username has an empty
 * `wa_id`), else the business-scoped user id. Never empty for a customer the
 * hub knows.
 */
export function customerHandle(c: Customer): string {
  if (c.wa_id) return `+${c.wa_id}`;
  if (c.username) return `@${c.username}`;
  return c.user_id ?? "";
}

/**
 * The name to show for a customer: their profile name, else how they are
 * reached ({@link customerHandle}): the number, or the username when there is no
 * number.
 */
export function customerLabel(c: Customer): string {
  const name = c.name?.trim();
  return name ? name : customerHandle(c);
}
