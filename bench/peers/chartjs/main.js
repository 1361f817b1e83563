// The Chart.js peer of the explorer's overview chart: the same bars (every program's headline figures, read from
// the same data file), horizontal, in 억원 or 원. It sets the marks the benchmark reads, as the explorer does:
// "first-chart-drawn" and "app-interactive" after the first draw, "chart-drawn" and canvas[data-drawn] after each.

const UNITS = [
  { divisor: 1e8, suffix: '억원' },
  { divisor: 1, suffix: '원' },
];
const TONES = ['#256ef4', '#0b7d6b', '#c2410c'];

const data = await (await fetch('data/ansan-2015.json')).json();
const amounts = new Map(data.amounts.map((a) => [a.id, a]));
const names = new Map(data.nodes.map((n) => [n.code, n.name]));
const bars = data.presentation.programs.flatMap((p, tone) =>
  p.headline.map((id) => {
    const figure = p.figures.find((f) => f.id === id);
    const derived = amounts.get(id).origin.type === 'derived';
    return {
      label: [names.get(p.id), figure.label.ko + (derived ? ' (계산값)' : '')],
      amount: amounts.get(id).amount,
      tone: TONES[tone % TONES.length],
    };
  }),
);

const values = (unit) => bars.map((b) => b.amount / UNITS[unit].divisor);
let first = true;
const marks = {
  id: 'bench-marks',
  afterRender(chart) {
    chart.canvas.setAttribute('data-drawn', 'true');
    performance.mark('chart-drawn');
    if (first) {
      first = false;
      performance.mark('first-chart-drawn');
      performance.mark('app-interactive');
    }
  },
};

const chart = new Chart(document.getElementById('peer-chart'), {
  type: 'bar',
  data: {
    labels: bars.map((b) => b.label),
    datasets: [{ data: values(0), backgroundColor: bars.map((b) => b.tone) }],
  },
  options: {
    indexAxis: 'y',
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    plugins: { legend: { display: false } },
    scales: { x: { beginAtZero: true, ticks: { callback: (v) => `${v.toLocaleString('ko-KR')}${UNITS[0].suffix}` } } },
  },
  plugins: [marks],
});

const buttons = [...document.querySelectorAll('#peer-chart-unit button')];
buttons.forEach((button, unit) =>
  button.addEventListener('click', () => {
    buttons.forEach((b, i) => b.setAttribute('aria-pressed', String(i === unit)));
    chart.data.datasets[0].data = values(unit);
    chart.options.scales.x.ticks.callback = (v) => `${v.toLocaleString('ko-KR')}${UNITS[unit].suffix}`;
    chart.update('none');
  }),
);
