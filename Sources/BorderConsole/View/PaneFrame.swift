/// Draws a pane's border with its title, marking the focused pane.
func drawPane(
  _ grid: inout Grid, _ rect: Rect, title: String, focused: Bool, context: ViewContext
) {
  let border = focused ? context.style(.focus) : context.style(.border)
  let titleStyle = focused ? context.style(.focus) : context.style(.title)
  grid.box(rect, title: title, glyphs: context.glyphs, style: border, titleStyle: titleStyle)
}

/// A column of a table: its heading, width and alignment.
struct TableColumn<Kind> {
  var kind: Kind
  var width: Int
  var alignRight = false
}

/// Fits columns to a width: fixed columns as given, the flexible one takes the rest.
func fitColumns<Kind>(_ columns: [TableColumn<Kind>], flexible: Int, width: Int, minimumFlexible: Int = 8)
  -> [TableColumn<Kind>]
{
  var result = columns
  let fixed = columns.enumerated().reduce(0) { $0 + ($1.offset == flexible ? 0 : $1.element.width + 1) }
  result[flexible].width = max(minimumFlexible, width - fixed)
  return result
}
