import { render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import Toast from "./Toast.svelte";

describe("Toast", () => {
  it("shows nothing without a message, its live region waiting", () => {
    render(Toast, { message: null });
    expect(screen.getByRole("status").textContent?.trim()).toBe("");
    expect(screen.queryByTestId("toast")).toBeNull();
  });

  it("shows a message, replaces it, and hides when the message is cleared", async () => {
    const { rerender } = render(Toast, { message: null });

    const region = screen.getByRole("status");
    await rerender({ message: "Number copied: +819012345678" });
    expect(region.textContent?.trim()).toBe("Number copied: +819012345678");

    await rerender({ message: "Number copied: +4915112345678" });
    expect(screen.getAllByRole("status").map((el) => el.textContent?.trim())).toEqual(["Number copied: +4915112345678"]);
    expect(screen.getByRole("status")).toBe(region);

    await rerender({ message: null });
    expect(screen.queryByTestId("toast")).toBeNull();
  });

  it("treats an empty message as none", () => {
    render(Toast, { message: "" });
    expect(screen.queryByTestId("toast")).toBeNull();
  });
});
