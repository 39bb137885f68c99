// The microphone meter's scale: -60 dBFS (room noise and below) is empty, 0 dBFS
// (full scale, clipping) is full. Linear in dB, as the ear hears loudness.

export const METER_FLOOR_DBFS = -60;

/** Where `dbfs` sits on the meter, 0–100 (whole numbers). */
export function meterPercent(dbfs: number): number {
  if (!Number.isFinite(dbfs)) return 0;
  const clamped = Math.min(0, Math.max(METER_FLOOR_DBFS, dbfs));
  return Math.round(((clamped - METER_FLOOR_DBFS) / -METER_FLOOR_DBFS) * 100);
}
