/**
 * Collects vertices with named float attributes and triangle indices, then
 * turns them into one three.js BufferGeometry, so that thousands of small
 * shapes are drawn by a single mesh.
 */

import { BufferAttribute, BufferGeometry, Sphere, Vector3 } from 'three';

/** Attribute name → number of floats per vertex. */
export type AttributeLayout = Record<string, number>;

/** A growing vertex and index list for one merged mesh. */
export class GeometryBuilder {
  readonly #layout: AttributeLayout;
  readonly #values = new Map<string, number[]>();
  readonly #indices: number[] = [];
  #vertexCount = 0;

  /** `layout` must include `position` (3 floats). */
  constructor(layout: AttributeLayout) {
    this.#layout = layout;
    for (const name of Object.keys(layout)) {
      this.#values.set(name, []);
    }
  }

  /** Vertices added so far. */
  get vertexCount(): number {
    return this.#vertexCount;
  }

  /** Triangle indices added so far (three per triangle). */
  get indexCount(): number {
    return this.#indices.length;
  }

  /** Adds one vertex; every attribute of the layout must be given. Returns its index. */
  vertex(attributes: Record<string, readonly number[]>): number {
    for (const [name, size] of Object.entries(this.#layout)) {
      const values = attributes[name];
      const target = this.#values.get(name);
      if (values === undefined || values.length !== size || target === undefined) {
        throw new Error(`vertex attribute ${name} needs ${size} values`);
      }
      target.push(...values);
    }
    return this.#vertexCount++;
  }

  /** Adds a triangle by vertex indices. */
  triangle(a: number, b: number, c: number): void {
    this.#indices.push(a, b, c);
  }

  /** Adds a quad a-b-c-d (in winding order) as two triangles. */
  quad(a: number, b: number, c: number, d: number): void {
    this.#indices.push(a, b, c, a, c, d);
  }

  /**
   * The finished geometry. Its bounding sphere is set to `bounds` because
   * the shaders move vertices, so the one computed from positions would be
   * wrong; the meshes also turn frustum culling off.
   */
  build(bounds: Sphere = new Sphere(new Vector3(), Infinity)): BufferGeometry {
    const geometry = new BufferGeometry();
    for (const [name, size] of Object.entries(this.#layout)) {
      geometry.setAttribute(name, new BufferAttribute(new Float32Array(this.#values.get(name) ?? []), size));
    }
    const IndexArray = this.#vertexCount > 65535 ? Uint32Array : Uint16Array;
    geometry.setIndex(new BufferAttribute(new IndexArray(this.#indices), 1));
    geometry.boundingSphere = bounds;
    return geometry;
  }
}
