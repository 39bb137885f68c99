// Installs a fresh MockPlatform for the current test and puts the previous
// platform back when the test ends.
import { onTestFinished } from "vitest";
import { setPlatform } from "../platform";
import { MockPlatform } from "../platform/mock";

export function useMockPlatform(): MockPlatform {
  const mock = new MockPlatform();
  onTestFinished(setPlatform(mock));
  return mock;
}
