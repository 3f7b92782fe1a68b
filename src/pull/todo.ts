/** An object of the live schema that the written model cannot declare yet. */
export interface PullTodo {
  /** e.g. `table asia.points`. */
  readonly object: string;
  /** Why, e.g. `column location has type point, which the model cannot declare yet`. */
  readonly reason: string;
  /** The object's SQL, written in the model file as a comment. */
  readonly sql: string;
}
