import L from 'leaflet';

/** One unit as the map draws it: where, in which colour, faded or not, and how large. */
export interface UnitDot {
  lat: number;
  lon: number;
  colour: string;
  stale: boolean;
  radius: number;
  label: string;
}

/** The canvas reaches this share of the map's size beyond each edge, so a short pan shows no empty border. */
const PADDING = 0.2;
/** The pointer shows a unit's call sign within this many pixels of its dot. */
const HOVER_PX = 8;

/**
 * Thousands of unit dots on one canvas (§13), drawn in a few paths — one per colour and fade — instead of one
 * path, style change and bounds update per dot as Leaflet's own circles do: two thousand units moving every
 * second redraw in a couple of milliseconds, once per animation frame however many of them moved. Hidden during
 * a zoom animation and redrawn at its end. The call sign shows in a tooltip under the pointer.
 */
export class UnitDots extends L.Layer {
  private readonly dots = new Map<string, UnitDot>();
  private readonly paneName: string;
  private readonly onDrawn: () => void;
  private canvas: HTMLCanvasElement | null = null;
  private frame: number | null = null;
  private readonly tooltip = L.tooltip({ direction: 'top', offset: [0, -6] });

  constructor(pane: string, onDrawn: () => void) {
    super({ pane });
    this.paneName = pane;
    this.onDrawn = onDrawn;
  }

  get size(): number {
    return this.dots.size;
  }

  /** Sets (or moves) a unit's dot; drawn at the next animation frame. */
  set(id: string, dot: UnitDot): void {
    this.dots.set(id, dot);
    this.redrawSoon();
  }

  delete(id: string): void {
    if (this.dots.delete(id)) this.redrawSoon();
  }

  get(id: string): UnitDot | undefined {
    return this.dots.get(id);
  }

  override onAdd(map: L.Map): this {
    this.canvas = L.DomUtil.create('canvas', 'leaflet-zoom-hide');
    this.canvas.style.pointerEvents = 'none';
    map.getPane(this.paneName)?.appendChild(this.canvas);
    map.on('moveend zoomend viewreset resize', this.reset, this);
    map.on('mousemove', this.hover, this);
    map.on('mouseout', this.unhover, this);
    this.reset();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('moveend zoomend viewreset resize', this.reset, this);
    map.off('mousemove', this.hover, this);
    map.off('mouseout', this.unhover, this);
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    this.tooltip.remove();
    this.canvas?.remove();
    this.canvas = null;
    return this;
  }

  private redrawSoon(): void {
    if (this.frame === null && this.canvas) this.frame = requestAnimationFrame(() => this.draw());
  }

  /** After a pan or zoom: the canvas back over the view (with its padding), at the screen's pixel density. */
  private reset(): void {
    if (!this.canvas) return;
    const size = this._map.getSize();
    const pad = size.multiplyBy(PADDING).round();
    const topLeft = this._map.containerPointToLayerPoint(pad.multiplyBy(-1));
    const width = size.x + 2 * pad.x;
    const height = size.y + 2 * pad.y;
    const ratio = window.devicePixelRatio || 1;
    L.DomUtil.setPosition(this.canvas, topLeft);
    this.canvas.width = Math.round(width * ratio);
    this.canvas.height = Math.round(height * ratio);
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    this.draw();
  }

  private draw(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    const canvas = this.canvas;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    const ratio = window.devicePixelRatio || 1;
    const origin = L.DomUtil.getPosition(canvas);
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, canvas.width, canvas.height);
    const width = canvas.width / ratio;
    const height = canvas.height / ratio;
    // One path per look: the canvas state changes a handful of times, not once per unit.
    const paths = new Map<string, { dot: UnitDot; path: Path2D }>();
    for (const dot of this.dots.values()) {
      const p = this._map.latLngToLayerPoint([dot.lat, dot.lon]);
      const x = p.x - origin.x;
      const y = p.y - origin.y;
      if (x < -dot.radius || y < -dot.radius || x > width + dot.radius || y > height + dot.radius) continue;
      const look = `${dot.colour}|${dot.stale}|${dot.radius}`;
      let entry = paths.get(look);
      if (!entry) {
        entry = { dot, path: new Path2D() };
        paths.set(look, entry);
      }
      entry.path.moveTo(x + dot.radius, y);
      entry.path.arc(x, y, dot.radius, 0, Math.PI * 2);
    }
    context.strokeStyle = '#ffffff';
    context.lineWidth = 1;
    for (const { dot, path } of paths.values()) {
      context.fillStyle = dot.colour;
      context.globalAlpha = dot.stale ? 0.35 : 0.95;
      context.setLineDash(dot.stale ? [2, 2] : []);
      context.fill(path);
      context.globalAlpha = 1;
      context.stroke(path);
    }
    this.onDrawn();
  }

  private hover(event: L.LeafletMouseEvent): void {
    let nearest: UnitDot | null = null;
    let best = HOVER_PX * HOVER_PX;
    for (const dot of this.dots.values()) {
      const p = this._map.latLngToContainerPoint([dot.lat, dot.lon]);
      const d = (p.x - event.containerPoint.x) ** 2 + (p.y - event.containerPoint.y) ** 2;
      if (d <= best) {
        best = d;
        nearest = dot;
      }
    }
    if (!nearest) return this.unhover();
    // The call sign as text, never as markup.
    const label = document.createElement('span');
    label.textContent = nearest.label;
    this.tooltip.setLatLng([nearest.lat, nearest.lon]).setContent(label);
    if (!this._map.hasLayer(this.tooltip)) this.tooltip.addTo(this._map);
  }

  private unhover(): void {
    this.tooltip.remove();
  }
}
