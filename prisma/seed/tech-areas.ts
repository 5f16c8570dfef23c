// Every technology area of the demo pool, in a fixed order (the generator picks areas by index).
import { AREAS as agriEnvironment } from "./areas/agri-environment";
import { AREAS as consumer } from "./areas/consumer";
import { AREAS as electronics } from "./areas/electronics";
import { AREAS as energyEarth } from "./areas/energy-earth";
import { AREAS as healthTransport } from "./areas/health-transport";
import { AREAS as lifeEnergy } from "./areas/life-energy";
import { AREAS as machines } from "./areas/machines";
import { AREAS as manufacturing } from "./areas/manufacturing";
import { AREAS as vehicles } from "./areas/vehicles";
import type { TechArea } from "./tech-area";

export type { TechArea, Term } from "./tech-area";

export const TECH_AREAS: readonly TechArea[] = [
  ...vehicles,
  ...electronics,
  ...manufacturing,
  ...consumer,
  ...lifeEnergy,
  ...agriEnvironment,
  ...healthTransport,
  ...energyEarth,
  ...machines,
];
