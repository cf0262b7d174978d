// The graph page: draws the network that the server embedded as JSON (no data fetched here).
// Labels are drawn on a canvas and tooltips are built as text nodes, so no entity name is
// ever parsed as HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var colours = {PERSON: "#d9534f", ORG: "#337ab7", GPE: "#5cb85c", LOC: "#8fbc8f", FAC: "#8a6d3b",
                 NORP: "#9b59b6", EQUIPMENT: "#f0ad4e"};
  function tooltip(text) {
    var element = document.createElement("div");
    element.textContent = text;
    return element;
  }
  var nodes = new vis.DataSet(data.nodes.map(function (node) {
    return {id: node.id, label: node.label, title: tooltip(node.label + " (" + node.type + ")"),
            color: colours[node.type] || "#888", shape: "dot", size: node.centre ? 22 : (node.level === 2 ? 8 : 13),
            font: {size: node.centre ? 18 : 13}};
  }));
  var edges = new vis.DataSet(data.edges.map(function (edge, index) {
    var directed = edge.relation.indexOf("event:") === 0 || edge.relation === "said about";
    return {id: index, from: edge.from, to: edge.to, value: edge.count,
            title: tooltip(edge.relation + " ×" + edge.count), arrows: directed ? "to" : "",
            dashes: edge.relation === "co-mentioned", label: directed ? edge.relation.replace("event:", "") : "",
            font: {size: 10, align: "middle"}, color: {color: directed ? "#555" : "#bbb"}};
  }));
  var network = new vis.Network(document.getElementById("network"), {nodes: nodes, edges: edges},
                                {physics: {stabilization: {iterations: 200}}, interaction: {hover: true}});
  network.on("click", function (event) {
    if (event.nodes.length) { window.location = "/graph/" + encodeURIComponent(event.nodes[0]); }
  });
  network.on("doubleClick", function (event) {
    if (event.nodes.length) { window.location = "/entity/" + encodeURIComponent(event.nodes[0]); }
  });
  window.sitrepNetwork = network;
})();
