import { z } from "zod";

export enum Level {
  Low = 1,
  High = 2,
}
export enum Color {
  Red = "red",
  Green = "green",
}
// Zod 4; the Zod 3 column uses the same shapes built with zod/v3 (Place without .meta)
export const Place = z.object({ city: z.string() }).meta({ id: "Place" });

// A recursive schema needs its type spelled out: TypeScript cannot infer a type from itself.
interface CategoryShape {
  name: string;
  sub?: CategoryShape[] | undefined;
}
export const Category: z.ZodType<CategoryShape> = z.lazy(() =>
  z.object({ name: z.string(), sub: z.array(Category).optional() }),
);
interface TreeNode {
  children: TreeNode[];
}
export const Node: z.ZodType<TreeNode> = z.lazy(() => z.object({ children: z.array(Node) }));
