/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The bench's map trial (src/map/trials.ts), "" in every other build. */
  readonly VITE_MAP_TRIAL: string;
}
