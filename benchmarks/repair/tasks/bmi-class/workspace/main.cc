// `main.cc` reads lines `weight_kg height_m` and prints the body-mass index `weight /
// height^2` with one decimal, followed by its class: `underweight` below 18.5, `normal`
// from 18.5 to below 25, `overweight` from 25 to below 30, and `obese` from 30.
#include <cstdio>
#include <iostream>
#include <string>

std::string bmiClass(double bmi) {
  if (bmi < 18.5) return "underweight";
  if (bmi < 25.0) return "normal";
  if (bmi < 35.0) return "overweight";
  return "obese";
}

int main() {
  double weight, height;
  while (std::cin >> weight >> height) {
    if (height <= 0) {
      std::printf("invalid\n");
      continue;
    }
    double bmi = weight / (height * height);
    std::printf("%.1f %s\n", bmi, bmiClass(bmi).c_str());
  }
  return 0;
}
