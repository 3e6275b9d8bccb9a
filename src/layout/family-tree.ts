/**
 * Who was started by whom, as a single tree rooted at the centre goroutine
 * (normally `main.main`). Goroutines whose creator is unknown or hidden hang
 * off the centre, so every shown goroutine gets a place.
 */

import type { Goroutine } from '../model.ts';
import type { TreeNode } from './tree-placement.ts';

/** The tree and which goroutine sits at its centre. */
export interface FamilyTree {
  /** `null` when there is no goroutine to show. */
  root: TreeNode | null;
  centreId: number | null;
}

/** The fields of a goroutine the tree is built from. */
export type FamilyMember = Pick<Goroutine, 'id' | 'name' | 'parentId' | 'createdNs'>;

/**
 * Builds the tree from the shown goroutines. Children are ordered by
 * creation time, then id. A loop in the parent links (broken input) is cut
 * by attaching the first goroutine found in it to the centre.
 */
export function buildFamilyTree(members: readonly FamilyMember[]): FamilyTree {
  const ordered = [...members].sort((a, b) => a.createdNs - b.createdNs || a.id - b.id);
  const centre = findCentre(ordered);
  if (centre === undefined) {
    return { root: null, centreId: null };
  }

  const ids = new Set(ordered.map((member) => member.id));
  const childIds = new Map<number, number[]>();
  for (const member of ordered) {
    if (member.id === centre.id) {
      continue;
    }
    const hasShownParent = member.parentId !== null && member.parentId !== member.id && ids.has(member.parentId);
    const parentId = hasShownParent && member.parentId !== null ? member.parentId : centre.id;
    const siblings = childIds.get(parentId) ?? [];
    siblings.push(member.id);
    childIds.set(parentId, siblings);
  }

  // Walk down from the centre; whatever the walk misses sits in a loop.
  const nodes = new Map<number, TreeNode>();
  const root = attachSubtree(centre.id, childIds, nodes);
  for (const member of ordered) {
    if (!nodes.has(member.id)) {
      root.children.push(attachSubtree(member.id, childIds, nodes));
    }
  }
  return { root, centreId: centre.id };
}

/** `main.main` if shown, else goroutine 1, else the earliest goroutine without a shown parent. */
function findCentre(ordered: readonly FamilyMember[]): FamilyMember | undefined {
  const ids = new Set(ordered.map((member) => member.id));
  return (
    ordered.find((member) => member.name === 'main.main') ??
    ordered.find((member) => member.id === 1) ??
    ordered.find((member) => member.parentId === null || !ids.has(member.parentId)) ??
    ordered[0]
  );
}

/** Iterative depth-first build, so very deep chains cannot overflow the stack. */
function attachSubtree(id: number, childIds: ReadonlyMap<number, number[]>, nodes: Map<number, TreeNode>): TreeNode {
  const top: TreeNode = { id, children: [] };
  nodes.set(id, top);
  const pending: TreeNode[] = [top];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === undefined) {
      break;
    }
    for (const childId of childIds.get(node.id) ?? []) {
      if (nodes.has(childId)) {
        continue;
      }
      const child: TreeNode = { id: childId, children: [] };
      nodes.set(childId, child);
      node.children.push(child);
      pending.push(child);
    }
  }
  return top;
}
