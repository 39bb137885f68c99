import { render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import Toast from "./Toast.svelte";

describe("Toast", () => {
  it("shows nothing without a message", () => {
    render(Toast, { message: null });
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("shows a message, replaces it, and hides when the message is cleared", async () => {
    const { rerender } = render(Toast, { message: null });

    await rerender({ message: "Number copied: +819012345678" });
    expect(screen.getByRole("status").textContent).toBe("Number copied: +819012345678");

    await rerender({ message: "Number copied: +4915112345678" });
    expect(screen.getAllByRole("status").map((el) => el.textContent)).toEqual(["Number copied: +4915112345678"]);

    await rerender({ message: null });
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("treats an empty message as none", () => {
    render(Toast, { message: "" });
    expect(screen.queryByTestId("toast")).toBeNull();
  });
});
