/**
 * Where the sun is and how much light reaches the ground: enough geometry to
 * turn a location, an instant and a cloud cover into irradiance. Accuracy is a
 * few per cent, which is plenty for simulating solar output and filling in
 * irradiance for weather feeds that only report clouds.
 */

const DEG = Math.PI / 180;
const DAY_MS = 86_400_000;

/** Sine of the sun's elevation above the horizon; negative at night. */
export function sunElevationSine(latitude: number, longitude: number, utcMs: number): number {
  const yearStart = Date.UTC(new Date(utcMs).getUTCFullYear(), 0, 1);
  const dayOfYear = Math.floor((utcMs - yearStart) / DAY_MS) + 1;
  const declination = 23.44 * DEG * Math.sin((2 * Math.PI * (284 + dayOfYear)) / 365);
  const utcHours = (utcMs % DAY_MS) / 3_600_000;
  const solarHours = utcHours + longitude / 15;
  const hourAngle = 15 * DEG * (solarHours - 12);
  const lat = latitude * DEG;
  return (
    Math.sin(lat) * Math.sin(declination) +
    Math.cos(lat) * Math.cos(declination) * Math.cos(hourAngle)
  );
}

/** Clear-sky global horizontal irradiance in W/m² (Haurwitz's model). */
export function clearSkyIrradiance(elevationSine: number): number {
  if (elevationSine <= 0) return 0;
  return 1098 * elevationSine * Math.exp(-0.057 / elevationSine);
}

/** Irradiance under a cloud cover of 0–1 (Kasten and Czeplak's attenuation). */
export function irradianceUnderClouds(clearSky: number, cloudCover: number): number {
  const cover = Math.min(1, Math.max(0, cloudCover));
  return clearSky * (1 - 0.75 * cover ** 3.4);
}
