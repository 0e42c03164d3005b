import { PLACE_PIN, type Theme } from '../domain/theme.ts';
import { ICONS } from './layers.ts';

type Shape = 'circle' | 'square' | 'triangle' | 'diamond' | 'hexagon';

/** The shape of each icon but the place's pin (drawn from PLACE_PIN). */
const SHAPES: Readonly<Record<Exclude<keyof typeof ICONS, 'lieu'>, Shape>> = {
  scolaire: 'circle',
  apprentissage: 'square',
  continue: 'triangle',
  mixte: 'diamond',
  alliance: 'hexagon',
};

/**
 * Draws the map's point icons on a canvas: a distinct shape per voie (so colour is never the only
 * cue) with a white outline. Returns name → image for `map.addImage`.
 */
export function drawIcons(theme: Theme, pixelRatio: number): Map<string, { width: number; height: number; data: Uint8ClampedArray }> {
  const icons = new Map<string, { width: number; height: number; data: Uint8ClampedArray }>();
  const size = Math.round(22 * pixelRatio);
  for (const [key, name] of Object.entries(ICONS) as [keyof typeof ICONS, string][]) {
    if (key === 'lieu') {
      const pin = drawPlacePin(theme.label, pixelRatio);
      if (pin) icons.set(name, pin);
      continue;
    }
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const context = canvas.getContext('2d');
    if (!context) continue;
    drawShape(context, SHAPES[key], size, key === 'alliance' ? theme.alliance : theme.voies[key], pixelRatio);
    if (key === 'alliance') {
      context.fillStyle = '#ffffff';
      context.font = `bold ${Math.round(11 * pixelRatio)}px "Noto Sans", sans-serif`;
      context.textAlign = 'center';
      context.textBaseline = 'middle';
      context.fillText('A', size / 2, size / 2 + pixelRatio);
    }
    icons.set(name, { width: size, height: size, data: context.getImageData(0, 0, size, size).data });
  }
  return icons;
}

/** The chosen place's pin (PLACE_PIN): dark, a white outline and a white dot, unlike any site's symbol. */
function drawPlacePin(color: string, pixelRatio: number): { width: number; height: number; data: Uint8ClampedArray } | null {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(PLACE_PIN.width * pixelRatio);
  canvas.height = Math.round(PLACE_PIN.height * pixelRatio);
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.scale(pixelRatio, pixelRatio);
  const outline = new Path2D(PLACE_PIN.path);
  context.fillStyle = color;
  context.fill(outline);
  context.lineWidth = 2;
  context.strokeStyle = '#ffffff';
  context.stroke(outline);
  context.beginPath();
  context.arc(PLACE_PIN.dot.x, PLACE_PIN.dot.y, PLACE_PIN.dot.r, 0, Math.PI * 2);
  context.fillStyle = '#ffffff';
  context.fill();
  return { width: canvas.width, height: canvas.height, data: context.getImageData(0, 0, canvas.width, canvas.height).data };
}

function drawShape(context: CanvasRenderingContext2D, shape: Shape, size: number, color: string, pixelRatio: number): void {
  const center = size / 2;
  const radius = size / 2 - 2.5 * pixelRatio;
  context.beginPath();
  switch (shape) {
    case 'circle':
      context.arc(center, center, radius * 0.85, 0, Math.PI * 2);
      break;
    case 'square':
      context.rect(center - radius * 0.75, center - radius * 0.75, radius * 1.5, radius * 1.5);
      break;
    case 'triangle':
      context.moveTo(center, center - radius);
      context.lineTo(center + radius * 0.95, center + radius * 0.75);
      context.lineTo(center - radius * 0.95, center + radius * 0.75);
      context.closePath();
      break;
    case 'diamond':
      context.moveTo(center, center - radius);
      context.lineTo(center + radius, center);
      context.lineTo(center, center + radius);
      context.lineTo(center - radius, center);
      context.closePath();
      break;
    case 'hexagon':
      for (let corner = 0; corner < 6; corner += 1) {
        const angle = (Math.PI / 3) * corner - Math.PI / 2;
        const x = center + radius * Math.cos(angle);
        const y = center + radius * Math.sin(angle);
        if (corner === 0) context.moveTo(x, y);
        else context.lineTo(x, y);
      }
      context.closePath();
      break;
    default: {
      const unreachable: never = shape;
      throw new Error(`unknown shape ${String(unreachable)}`);
    }
  }
  context.fillStyle = color;
  context.fill();
  context.lineWidth = 2 * pixelRatio;
  context.strokeStyle = '#ffffff';
  context.stroke();
}
