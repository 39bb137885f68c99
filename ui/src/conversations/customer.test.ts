import { describe, expect, it } from "vitest";
import type { Customer } from "../bindings/Customer";
import { customerHandle, customerLabel } from "./customer";

const customer = (c: Partial<Customer>): Customer => ({
  wa_id: "",
  name: null,
  user_id: null,
  username: null,
  ...c,
});

describe("customerLabel", () => {
  it("shows the profile name when there is one", () => {
    expect(customerLabel(customer({ wa_id: "4915112345678", name: "Jonas Weber" }))).toBe("Jonas Weber");
    expect(customerLabel(customer({ user_id: "US.1", username: "mika.travels", name: "Mika" }))).toBe("Mika");
  });

  it("shows the number when there is no name", () => {
    expect(customerLabel(customer({ wa_id: "4915112345678", user_id: "DE.1", username: "jonas" }))).toBe(
      "+4915112345678",
    );
    expect(customerLabel(customer({ wa_id: "4915112345678", name: "  " }))).toBe("+4915112345678");
  });

  it("shows the username when there is no number", () => {
    expect(customerLabel(customer({ user_id: "US.06767762941439588934", username: "mika.travels" }))).toBe(
      "@mika.travels",
    );
  });

  it("falls back to the business-scoped user id", () => {
    expect(customerLabel(customer({ user_id: "US.06767762941439588934" }))).toBe("US.06767762941439588934");
  });
});

describe("customerHandle", () => {
  it("is the number, else the username, else the user id", () => {
    expect(customerHandle(customer({ wa_id: "819012345678", name: "田中 優希", username: "yuki" }))).toBe("+819012345678");
    expect(customerHandle(customer({ name: "Mika", user_id: "US.1", username: "mika.travels" }))).toBe("@mika.travels");
    expect(customerHandle(customer({ name: "Mika", user_id: "US.1" }))).toBe("US.1");
  });
});
