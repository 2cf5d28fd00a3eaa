import { z } from 'zod';

/** A point on the map in WGS 84 degrees. */
export const LatLonSchema = z.object({
  lat: z
    .number()
    .finite()
    .min(-90, 'latitude must be between -90 and 90')
    .max(90, 'latitude must be between -90 and 90'),
  lon: z
    .number()
    .finite()
    .min(-180, 'longitude must be between -180 and 180')
    .max(180, 'longitude must be between -180 and 180'),
});
export type LatLon = z.infer<typeof LatLonSchema>;

/** Where a card's location came from: typed by the operator, clicked on the map, or sent by the caller's device. */
export const LocationSourceSchema = z.enum(['typed', 'map', 'device']);
export type LocationSource = z.infer<typeof LocationSourceSchema>;

export const IncidentLocationSchema = LatLonSchema.extend({
  source: LocationSourceSchema,
});
export type IncidentLocation = z.infer<typeof IncidentLocationSchema>;
